package org.sijil.crypto.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** The key id rule, in one place so signer and verifier cannot drift apart. */
final class KeyIds {

    private KeyIds() {
    }

    /**
     * Lowercase hex of the first 8 bytes of SHA-256 over the 32 raw public-key bytes.
     *
     * @param rawPublicKey the 32-byte Ed25519 public key; not null
     */
    static String of(byte[] rawPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
