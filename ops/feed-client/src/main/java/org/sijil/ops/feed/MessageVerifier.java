package org.sijil.ops.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.sijil.crypto.entry.MalformedEntryException;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SignatureCheckException;

/**
 * Checks one feed message (format {@code sijil-feed/2}, its sealed part opened by {@link MessageOpener}) against the registry's public keys:
 * the Ed25519 signature over the attached signed entry, that the entry is this event's (event id,
 * key id), and that every field the stored entry shows in clear has the same value in the message.
 * Sealed (encrypted) fields cannot be compared: for them the message is the registry's word.
 */
final class MessageVerifier {

    /** The outcome: {@code VERIFIED}, {@code UNVERIFIABLE} (no entry attached) or {@code BAD}. */
    enum Status { VERIFIED, UNVERIFIABLE, BAD }

    record Result(Status status, String detail, int clearFieldsChecked, int sealedFields) {
    }

    private final ObjectMapper json;

    MessageVerifier(ObjectMapper json) {
        this.json = json;
    }

    Result verify(JsonNode message, String headerEventId, KeyRing keys) {
        String eventId = text(message, "eventId");
        if (eventId == null || (headerEventId != null && !headerEventId.equals(eventId))) {
            return new Result(Status.BAD, "event id of header and body differ", 0, 0);
        }
        JsonNode entryField = message.get("signedEntry");
        if (entryField == null || entryField.isNull()) {
            String why = text(message, "signedEntryWithheld");
            return new Result(Status.UNVERIFIABLE, why == null ? "no signed entry attached" : why, 0, 0);
        }
        String keyId = text(message, "keyId");
        String signature = text(message, "signature");
        if (keyId == null || signature == null) {
            return new Result(Status.BAD, "no signature or key id", 0, 0);
        }
        byte[] entryBytes;
        SignedEntry entry;
        try {
            entryBytes = Base64.getDecoder().decode(entryField.asText());
            keys.verify(keyId, entryBytes, Base64.getDecoder().decode(signature));
            entry = SignedEntry.decode(entryBytes);
        } catch (IllegalArgumentException e) {
            return new Result(Status.BAD, "not base64: " + e.getMessage(), 0, 0);
        } catch (SignatureCheckException e) {
            return new Result(Status.BAD, "signature: " + e.getMessage(), 0, 0);
        } catch (MalformedEntryException e) {
            return new Result(Status.BAD, "malformed entry: " + e.getMessage(), 0, 0);
        }
        if (!entry.eventId().equals(eventId)) {
            return new Result(Status.BAD, "the signed entry is event " + entry.eventId(), 0, 0);
        }
        if (!entry.keyId().equals(keyId)) {
            return new Result(Status.BAD, "the signed entry names key " + entry.keyId(), 0, 0);
        }
        JsonNode stored;
        try {
            stored = json.readTree(entry.payload());
        } catch (IOException e) {
            return new Result(Status.BAD, "the signed payload is not JSON", 0, 0);
        }
        JsonNode data = message.get("data");
        int clear = 0;
        int sealed = 0;
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : stored.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject() && value.size() == 1 && value.has("enc")) {
                sealed++;
                continue;
            }
            if (data == null || !data.has(field.getKey())) {
                continue; // withheld from this ministry
            }
            clear++;
            if (!data.get(field.getKey()).equals(value)) {
                mismatched.add(field.getKey());
            }
        }
        if (!mismatched.isEmpty()) {
            return new Result(Status.BAD, "fields differ from the signed entry: " + mismatched, clear, sealed);
        }
        return new Result(Status.VERIFIED, "signature by " + keyId, clear, sealed);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
