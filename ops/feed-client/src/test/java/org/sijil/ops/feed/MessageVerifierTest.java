package org.sijil.ops.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

class MessageVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SigningKey key = SigningKey.generate(new SecureRandom());
    private final KeyRing keys = new KeyRing(List.of(key.verificationKey()));
    private final MessageVerifier verifier = new MessageVerifier(JSON);

    private final String payload = "{\"personId\":\"p-1\",\"dateOfDeath\":\"2024-07-01\","
            + "\"placeOfDeath\":{\"enc\":\"AAAA\"},\"causeOfDeath\":\"P07.3\"}";
    private final SignedEntry entry = new SignedEntry("e-1", "Person", "p-1", 3, "org.sijil.core.api.DeathRegisteredEvent",
            "1", "2024-07-01T10:00:00Z", payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
            key.keyId());

    private ObjectNode message() {
        ObjectNode m = JSON.createObjectNode();
        m.put("eventId", "e-1");
        m.put("keyId", key.keyId());
        m.put("signature", Base64.getEncoder().encodeToString(key.sign(entry.encode())));
        m.put("signedEntry", Base64.getEncoder().encodeToString(entry.encode()));
        ObjectNode data = m.putObject("data");
        data.put("personId", "p-1");
        data.put("dateOfDeath", "2024-07-01");
        data.putObject("placeOfDeath").put("governorate", "BSR");
        data.put("causeOfDeath", "P07.3");
        return m;
    }

    @Test
    void aGenuineMessageVerifiesItsSignatureAndItsClearFields() {
        MessageVerifier.Result r = verifier.verify(message(), "e-1", keys);
        assertThat(r.status()).isEqualTo(MessageVerifier.Status.VERIFIED);
        assertThat(r.clearFieldsChecked()).isEqualTo(3);
        assertThat(r.sealedFields()).isEqualTo(1);
    }

    @Test
    void aClearFieldChangedInTransitIsCaught() {
        ObjectNode m = message();
        ((ObjectNode) m.get("data")).put("causeOfDeath", "X99");
        assertThat(verifier.verify(m, "e-1", keys).status()).isEqualTo(MessageVerifier.Status.BAD);
    }

    @Test
    void anotherEventsEntryOrABadSignatureIsCaught() {
        assertThat(verifier.verify(message(), "e-2", keys).status()).isEqualTo(MessageVerifier.Status.BAD);
        ObjectNode m = message();
        m.put("eventId", "e-2");
        assertThat(verifier.verify(m, "e-2", keys).status()).isEqualTo(MessageVerifier.Status.BAD);
        ObjectNode forged = message();
        forged.put("signature", Base64.getEncoder().encodeToString(new byte[64]));
        assertThat(verifier.verify(forged, "e-1", keys).status()).isEqualTo(MessageVerifier.Status.BAD);
    }

    @Test
    void aMessageWithoutEntryIsUnverifiableAndSaysWhy() {
        ObjectNode m = message();
        m.putNull("signedEntry");
        m.put("signedEntryWithheld", "the stored entry shows field 'sex' in clear");
        MessageVerifier.Result r = verifier.verify(m, "e-1", keys);
        assertThat(r.status()).isEqualTo(MessageVerifier.Status.UNVERIFIABLE);
        assertThat(r.detail()).contains("'sex'");
    }
}
