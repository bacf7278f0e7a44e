package org.sijil.ops.bench.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.sijil.api.access.PersonStates;
import org.sijil.api.consent.ConsentDecisions;
import org.sijil.api.security.Caller;
import org.sijil.store.JdbcPersonIndex;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.consent.AccessPolicy;
import org.sijil.crypto.sign.SigningKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor under the checked read: the bare read ({@link BareRead}) plus the least a consent-checked,
 * access-logged read can do — the same consent decision, and one signed row naming the read, made
 * durable (an autocommitted insert, with {@code synchronous_commit} on) before the answer leaves. No
 * command bus, no event store, no transparency log, no feed: what is left between this read and the
 * checked one is what Sijil adds to that minimum. Exists only in the benchmark's application context.
 */
@RestController
class FloorRead {

    private final JdbcTemplate jdbc;
    private final JdbcPersonIndex nationalNumbers;
    private final PersonStates persons;
    private final ConsentDecisions consents;
    private final Supplier<SigningKey> signingKey;
    private final Clock clock;

    FloorRead(JdbcTemplate jdbc, JdbcPersonIndex nationalNumbers, PersonStates persons, ConsentDecisions consents, Supplier<SigningKey> signingKey,
              Clock clock) {
        this.jdbc = jdbc;
        this.nationalNumbers = nationalNumbers;
        this.persons = persons;
        this.consents = consents;
        this.signingKey = signingKey;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_access_floor (access_id UUID PRIMARY KEY, "
                + "record BYTEA NOT NULL, signature BYTEA NOT NULL)");
    }

    @GetMapping("/bench/floor/persons")
    Map<String, Object> read(@RequestParam String nationalNumber, @RequestParam String purpose, Authentication auth) {
        Caller caller = BareRead.ministry(auth, purpose);
        UUID personId = BareRead.personWith(nationalNumbers, nationalNumber);
        Instant now = clock.instant();
        AccessPolicy.Decision decision = consents.decide(caller.ministry(), personId, purpose, now);
        if (!decision.granted()) {
            throw new AccessDeniedException(decision.reason());
        }
        PersonState person = persons.load(personId, "nationalNumber");
        UUID accessId = UUID.randomUUID();
        byte[] record = String.join("|", accessId.toString(), personId.toString(), caller.subject(),
                caller.ministry(), purpose, decision.basisKind().toString(), decision.basisId().toString(),
                decision.categories().toString(), now.toString()).getBytes(UTF_8);
        jdbc.update("INSERT INTO bench_access_floor (access_id, record, signature) VALUES (?, ?, ?)", accessId, record,
                signingKey.get().sign(record));
        return BareRead.answer(person);
    }
}
