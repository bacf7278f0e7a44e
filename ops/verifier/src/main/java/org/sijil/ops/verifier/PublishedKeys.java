package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.VerificationKey;

/**
 * The event-signing keys an auditor trusts: the JSON array published by {@code GET /api/v1/keys},
 * {@code [{"keyId", "algorithm", "pem", "active"}, ...]}, saved to a file. Every key is kept,
 * active or rotated out, since old events stay signed by old keys. The database is never asked
 * which keys to trust.
 */
final class PublishedKeys {

    private PublishedKeys() {
    }

    /**
     * Reads the keys and checks that each published key id is the id of its PEM key.
     *
     * @throws IOException if the file cannot be read or is not such an array
     */
    static KeyRing read(Path file, ObjectMapper json) throws IOException {
        return parse(Files.readString(file), json, file.toString());
    }

    static KeyRing parse(String text, ObjectMapper json, String source) throws IOException {
        JsonNode root = json.readTree(text);
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IOException(source + ": expected a non-empty JSON array of published keys");
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (JsonNode node : root) {
            String pem = node.path("pem").asText(null);
            String keyId = node.path("keyId").asText(null);
            String algorithm = node.path("algorithm").asText("Ed25519");
            if (pem == null || keyId == null) {
                throw new IOException(source + ": every key needs \"keyId\" and \"pem\"");
            }
            if (!algorithm.equalsIgnoreCase("Ed25519")) {
                throw new IOException(source + ": key " + keyId + " has algorithm " + algorithm
                        + "; only Ed25519 is defined");
            }
            VerificationKey key;
            try {
                key = VerificationKey.fromSpkiPem(pem);
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": key " + keyId + ": " + e.getMessage(), e);
            }
            if (!key.keyId().equals(keyId)) {
                throw new IOException(source + ": published key id " + keyId
                        + " is not the id of its key, which is " + key.keyId());
            }
            keys.add(key);
        }
        try {
            return new KeyRing(keys);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }
}
