package org.sijil.ops.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FeedSeal;

/**
 * Opens the sealed part of a ministry message ({@code sijil-feed/2}) with the feed key it names, and
 * puts the part's fields ({@code data}, {@code signedEntry}, …) in its place, so the message reads
 * as the registry built it. A message without a sealed part (a notification, an erasure) is left as
 * it is.
 */
final class MessageOpener {

    /** Where feed keys come from: the registry, for the ministry's own keys. */
    interface KeySource {
        /**
         * The key's 32 bytes, or empty if the registry destroyed it (the person was erased).
         *
         * @throws IOException if the key cannot be had (unknown, another ministry's, no registry)
         */
        Optional<byte[]> key(String keyId) throws IOException;
    }

    /**
     * {@code CLEAR}: nothing sealed; {@code OPENED}; {@code ERASED}: the key is destroyed, the personal
     * part is gone for good; {@code BAD}: the part does not open, or the key cannot be had.
     */
    enum Outcome { CLEAR, OPENED, ERASED, BAD }

    /** The outcome and the message, opened if it could be. */
    record Opened(Outcome outcome, String detail, JsonNode message) {
    }

    private final ObjectMapper json;
    private final KeySource keys;

    MessageOpener(ObjectMapper json, KeySource keys) {
        this.json = json;
        this.keys = keys;
    }

    Opened open(JsonNode message) {
        JsonNode sealed = message.get("sealed");
        if (sealed == null || sealed.isNull()) {
            return new Opened(Outcome.CLEAR, null, message);
        }
        String keyId = text(message, "feedKeyId");
        String ministry = text(message, "ministry");
        String personId = text(message, "personId");
        String eventId = text(message, "eventId");
        if (keyId == null || ministry == null || personId == null || eventId == null || !sealed.isTextual()) {
            return new Opened(Outcome.BAD, "sealed part without feedKeyId, ministry, personId or eventId", message);
        }
        try {
            Optional<byte[]> key = keys.key(keyId);
            if (key.isEmpty()) {
                return new Opened(Outcome.ERASED, "feed key " + keyId + " was destroyed: the person was erased",
                        message);
            }
            byte[] part = FeedSeal.open(key.get(), Base64.getDecoder().decode(sealed.asText()), ministry, personId,
                    eventId);
            ObjectNode opened = ((ObjectNode) message).deepCopy();
            opened.remove("sealed");
            opened.setAll((ObjectNode) json.readTree(part));
            return new Opened(Outcome.OPENED, null, opened);
        } catch (IOException e) {
            return new Opened(Outcome.BAD, "feed key " + keyId + ": " + e.getMessage(), message);
        } catch (DecryptionException | IllegalArgumentException | ClassCastException e) {
            return new Opened(Outcome.BAD, "sealed part does not open: " + e.getMessage(), message);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
