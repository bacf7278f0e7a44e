package org.sijil.crypto.envelope;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 (RFC 2104) under a secret key: a lookup key for a personal value that must be
 * found by equality without being stored in the clear. Without the key, a short value with few
 * possible forms (an ID card number, say) cannot be recovered by trying them all, as it could from
 * a plain hash.
 *
 * <p>Thread-safe; the key is copied and never leaves the object.
 */
public final class KeyedHash {

    /** Length in bytes of a key, and of a hash. */
    public static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param key the secret key; not null, {@value #LENGTH} bytes (as {@link FieldCipher#newDataKey}
     *     makes them)
     */
    public KeyedHash(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a keyed hash key is " + LENGTH + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * The hash of {@code message}.
     *
     * @param message the bytes to hash; not null, may be empty
     * @return a new {@value #LENGTH}-byte array
     */
    public byte[] hash(byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            // a Mac keeps state between calls, so each call has its own
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is required of every Java runtime", e);
        }
    }
}
