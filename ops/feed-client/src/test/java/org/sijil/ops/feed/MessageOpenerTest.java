package org.sijil.ops.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sijil.crypto.envelope.FeedSeal;
import org.sijil.crypto.envelope.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

class MessageOpenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PART = "{\"data\":{\"nationalNumber\":\"259170225870\"},\"signedEntry\":null,"
            + "\"signedEntryWithheld\":\"the stored entry shows field 'sex' in clear\"}";

    private final byte[] key = FieldCipher.newDataKey(RANDOM);
    /** The registry's keys by id; null once destroyed; absent: unknown or another ministry's. */
    private final Map<String, byte[]> registry = new HashMap<>(Map.of("k-1", key));
    private final MessageOpener opener = new MessageOpener(JSON, id -> {
        if (!registry.containsKey(id)) {
            throw new IOException("404 feed-key.not-found");
        }
        return Optional.ofNullable(registry.get(id));
    });

    private ObjectNode message(String keyId, byte[] sealWith) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "sijil-feed/2");
        m.put("eventId", "e-1");
        m.put("ministry", "health");
        m.put("personId", "p-1");
        m.put("feedKeyId", keyId);
        m.put("sealed", Base64.getEncoder().encodeToString(FeedSeal.seal(sealWith,
                PART.getBytes(StandardCharsets.UTF_8), "health", "p-1", "e-1", RANDOM)));
        return m;
    }

    @Test
    void theNamedKeyOpensTheSealedPartIntoTheMessage() {
        MessageOpener.Opened opened = opener.open(message("k-1", key));

        assertThat(opened.outcome()).isEqualTo(MessageOpener.Outcome.OPENED);
        JsonNode m = opened.message();
        assertThat(m.has("sealed")).isFalse();
        assertThat(m.at("/data/nationalNumber").asText()).isEqualTo("259170225870");
        assertThat(m.get("signedEntryWithheld").asText()).contains("'sex'");
        assertThat(m.get("eventId").asText()).isEqualTo("e-1");
    }

    @Test
    void aDestroyedKeyLeavesTheMessageErasedAndAnotherKeyOrAnUnknownOneIsBad() {
        ObjectNode sealed = message("k-1", key);
        registry.put("k-1", null);
        assertThat(opener.open(sealed).outcome()).isEqualTo(MessageOpener.Outcome.ERASED);
        assertThat(opener.open(sealed).message().has("data")).isFalse();

        registry.put("k-2", FieldCipher.newDataKey(RANDOM));
        assertThat(opener.open(message("k-2", key)).outcome()).isEqualTo(MessageOpener.Outcome.BAD);
        assertThat(opener.open(message("k-3", key)).outcome()).isEqualTo(MessageOpener.Outcome.BAD);
    }

    @Test
    void aSealedPartMovedToAnotherEventDoesNotOpen() {
        ObjectNode moved = message("k-1", key);
        moved.put("eventId", "e-2");

        assertThat(opener.open(moved).outcome()).isEqualTo(MessageOpener.Outcome.BAD);
    }

    @Test
    void aMessageWithNothingSealedIsLeftAsItIs() {
        ObjectNode erasure = JSON.createObjectNode();
        erasure.put("eventId", "e-9");
        erasure.putNull("sealed");
        erasure.putObject("data").put("legalReference", "Court order 12/2026");

        MessageOpener.Opened opened = opener.open(erasure);

        assertThat(opened.outcome()).isEqualTo(MessageOpener.Outcome.CLEAR);
        assertThat(opened.message()).isSameAs(erasure);
    }
}
