package org.sijil.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.sijil.api.access.AccessRecorder;
import org.sijil.api.security.Caller;
import org.sijil.store.EventLedger;
import org.sijil.store.read.StoredEvent;
import org.sijil.core.api.person.PersonNotFoundException;
import org.sijil.crypto.entry.SignedEntry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's signed history: every stored event with its signature, key id and the exact bytes
 * that were signed ({@code signedEntry}, see docs/signed-entry-format.md), so anyone holding the
 * published key can verify it — with openssl, without Sijil. Registrars also get the decrypted
 * payload; auditors get the stored form only.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/events")
@Tag(name = "Civil register")
public class EventHistoryController {

    private final EventLedger ledger;
    private final Serializer eventSerializer;
    private final ObjectMapper json;
    private final AccessRecorder recorder;

    EventHistoryController(EventLedger ledger, @Qualifier("eventSerializer") Serializer eventSerializer,
                           ObjectMapper json, AccessRecorder recorder) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.eventSerializer = eventSerializer;
        this.json = json;
    }

    public record SignedEvent(
            long position,
            String eventId,
            String payloadType,
            String payloadRevision,
            long sequenceNumber,
            String timestamp,
            JsonNode metadata,
            JsonNode storedPayload,
            Object payload,
            String keyId,
            String signature,
            String signedEntry) {
    }

    @GetMapping
    @Operation(summary = "A person's signed event history (registrars and auditors)",
            description = "The read is recorded in the person's access history before it is answered.")
    public List<SignedEvent> history(@PathVariable UUID personId,
                              @RequestHeader(name = "X-Purpose", required = false) String purpose,
                              Authentication auth) {
        Caller caller = Caller.of(auth);
        boolean registrar = caller.hasRole("REGISTRAR");
        if (!registrar && !caller.hasRole("AUDITOR")) {
            throw new AccessDeniedException("registrars and auditors only");
        }
        List<StoredEvent> events = ledger.eventsOf(personId.toString());
        if (events.isEmpty()) {
            throw new PersonNotFoundException("personId", personId);
        }
        // registrars read the plaintext; auditors the stored form, whose personal fields are ciphertext
        recorder.record(caller, AccessRecorder.Entry.officialDuty(personId, registrar ? "REGISTRAR" : "AUDITOR",
                AccessRecorder.purpose(purpose, "event-history"),
                registrar ? AccessRecorder.WHOLE_RECORD : List.of()));
        return events.stream().map(e -> view(e, registrar)).toList();
    }

    private SignedEvent view(StoredEvent stored, boolean withPlaintext) {
        SignedEntry entry = stored.entry();
        Object payload = withPlaintext
                ? eventSerializer.deserialize(new SimpleSerializedObject<>(entry.payload(), byte[].class,
                        entry.payloadType(), entry.payloadRevision()))
                : null;
        Base64.Encoder base64 = Base64.getEncoder();
        return new SignedEvent(stored.globalIndex(), entry.eventId(), entry.payloadType(), entry.payloadRevision(),
                entry.sequenceNumber(), entry.timestamp(), tree(entry.metadata()), tree(entry.payload()), payload,
                entry.keyId(), base64.encodeToString(stored.signature()), base64.encodeToString(entry.encode()));
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return bytes == null ? null : json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
