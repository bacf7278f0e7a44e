package org.sijil.crypto.sign;

import java.util.Objects;

/** A signature could not be accepted: its key is unknown, or it does not verify. */
public class SignatureCheckException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a signature was refused. */
    public enum Reason {
        /** No verification key with the given key id is known. */
        UNKNOWN_KEY,
        /** The key is known, but the signature is not its signature over the message. */
        BAD_SIGNATURE
    }

    private final String keyId;
    private final Reason reason;

    /**
     * @param keyId the key id the signature claimed; not null
     * @param reason why it was refused; not null
     */
    public SignatureCheckException(String keyId, Reason reason) {
        super(messageFor(keyId, reason));
        this.keyId = keyId;
        this.reason = reason;
    }

    private static String messageFor(String keyId, Reason reason) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(reason, "reason");
        return switch (reason) {
            case UNKNOWN_KEY -> "no verification key with key id '" + keyId + "' is known";
            case BAD_SIGNATURE -> "signature does not verify under key '" + keyId + "'";
        };
    }

    /** The key id the refused signature claimed. */
    public String keyId() {
        return keyId;
    }

    /** Why the signature was refused. */
    public Reason reason() {
        return reason;
    }
}
