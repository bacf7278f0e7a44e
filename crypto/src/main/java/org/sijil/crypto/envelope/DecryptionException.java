package org.sijil.crypto.envelope;

/**
 * Sealed bytes could not be opened: wrong key, wrong associated data, altered or malformed
 * bytes. Deliberately does not say which, as that would help an attacker.
 */
public class DecryptionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what could not be decrypted */
    public DecryptionException(String message) {
        super(message);
    }

    /**
     * @param message what could not be decrypted
     * @param cause the lower-level failure
     */
    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
