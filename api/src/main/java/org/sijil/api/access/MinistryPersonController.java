package org.sijil.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.sijil.api.consent.ConsentDecisions;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.api.consent.Refusal;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.store.JdbcPersonIndex;
import org.sijil.api.web.BadRequestException;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.consent.RecordConsentUseCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.consent.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ministry system reads a person by national number for a declared purpose. The read is decided
 * by the citizen's consents and the ministry's legal bases ({@link AccessPolicy}); granted or
 * denied, it is recorded as an access event before the answer leaves, and if that record cannot
 * be stored the read fails with no data. A granted answer holds only the covered categories.
 *
 * <p>A one-time consent is used up in the same transaction as the access record: both are stored
 * or neither. If another read used it first, this read is denied (and recorded as denied).
 *
 * <p>The person's data is their state folded from the store ({@link PersonStates}), not a read
 * view: views are updated after the events commit, and a ministry must not be answered with a
 * person as they stood before, say, their death was registered.
 */
@RestController
@Tag(name = "Ministries")
class MinistryPersonController {

    private static final Pattern NATIONAL_NUMBER = Pattern.compile("[0-9]{12}");
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final ConsentDecisions consents;
    private final ConsentProperties properties;
    private final AccessRecorder recorder;
    private final CommandGateway commands;
    private final PersonStates persons;
    private final JdbcPersonIndex nationalNumbers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MinistryPersonController(ConsentDecisions consents, ConsentProperties properties, AccessRecorder recorder,
                             CommandGateway commands, PersonStates persons, JdbcPersonIndex nationalNumbers,
                             PlatformTransactionManager transactions, Clock clock) {
        this.consents = consents;
        this.properties = properties;
        this.recorder = recorder;
        this.commands = commands;
        this.persons = persons;
        this.nationalNumbers = nationalNumbers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @GetMapping("/api/v1/ministry/persons")
    @Operation(summary = "A person's data for a declared purpose (ministry systems)",
            description = "Only the categories the citizen's consent or the ministry's legal basis covers. "
                    + "Without either: 403 with the reason. Every read, granted or denied, is recorded first. "
                    + "A number nobody holds gets the same 403 as a person nothing covers.")
    MinistryPersonView read(@RequestParam(required = false) String nationalNumber,
                            @RequestParam(required = false) String purpose, Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.MINISTRY) || !properties.knowsMinistry(caller.ministry())) {
            throw new AccessDeniedException("ministry systems only");
        }
        if (nationalNumber == null || nationalNumber.isBlank()) {
            throw new BadRequestException("nationalNumber", "field.required");
        }
        if (!NATIONAL_NUMBER.matcher(nationalNumber).matches()) {
            throw new BadRequestException("nationalNumber", "national-number.invalid");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new BadRequestException("purpose", "field.required");
        }
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new BadRequestException("purpose", "value.malformed");
        }
        UUID personId = personWith(nationalNumber);
        String ministry = caller.ministry();
        Instant now = clock.instant();
        AccessPolicy.Decision decision = consents.decide(ministry, personId, purpose, now);
        if (!decision.granted()) {
            throw denied(caller, personId, purpose, decision.reason());
        }
        PersonState person = persons.load(personId, "nationalNumber");
        UUID accessId = UUID.randomUUID();
        String basisId = decision.basisId().toString();
        AccessRecorder.Entry granted = AccessRecorder.Entry.granted(personId, Roles.MINISTRY, purpose,
                decision.basisKind(), basisId, decision.categories());
        try {
            if (decision.oneTimeConsent()) {
                // the consent's use and the access record: both stored or neither
                transaction.executeWithoutResult(status -> {
                    commands.sendAndWait(new RecordConsentUseCommand(decision.basisId(), ministry, purpose, accessId,
                            now), MetaData.with("officer", caller.subject()).and("officerRole", Roles.MINISTRY));
                    recorder.record(caller, accessId, granted);
                });
            } else {
                // one record, atomic on its own: one statement that commits by itself
                recorder.record(caller, accessId, granted);
            }
        } catch (RegistryRuleViolation e) {
            // the consent was used up, revoked or lapsed between the decision and its use
            throw denied(caller, personId, purpose, reasonFor(e));
        } catch (AccessNotRecordedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AccessNotRecordedException(e);
        }
        return MinistryPersonView.of(accessId, decision.basisKind(), basisId, decision.categories(), person);
    }

    /** Records the denial, then returns the refusal to throw. */
    private Refusal denied(Caller caller, UUID personId, String purpose, String reason) {
        recorder.record(caller, AccessRecorder.Entry.denied(personId, Roles.MINISTRY, purpose, null, reason));
        return refusal(reason);
    }

    private static String reasonFor(RegistryRuleViolation e) {
        ConsentRule reason;
        if (e.rule() == ConsentRule.CONSENT_REVOKED) {
            reason = ConsentRule.DENIED_CONSENT_REVOKED;
        } else if (e.rule() == ConsentRule.CONSENT_NOT_IN_FORCE) {
            reason = ConsentRule.DENIED_CONSENT_EXPIRED;
        } else if (e.rule() == ConsentRule.CONSENT_ALREADY_USED) {
            reason = ConsentRule.DENIED_CONSENT_USED;
        } else {
            reason = ConsentRule.DENIED_NO_BASIS;
        }
        return reason.code();
    }

    /**
     * The person holding {@code nationalNumber}. For a number nobody holds, the refusal a known person
     * gets when nothing covers the read — same status, body and headers — so the answer does not tell
     * whether the number is anyone's; with no person, nothing is recorded.
     */
    private UUID personWith(String nationalNumber) {
        return nationalNumbers.personWith(nationalNumber)
                .orElseThrow(() -> refusal(ConsentRule.DENIED_NO_BASIS.code()));
    }

    private static Refusal refusal(String reason) {
        return new Refusal(HttpStatus.FORBIDDEN, "purpose", reason);
    }
}
