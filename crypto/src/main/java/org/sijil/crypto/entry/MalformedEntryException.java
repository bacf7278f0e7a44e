package org.sijil.crypto.entry;

/** Bytes are not a signed entry in the canonical encoding. */
public class MalformedEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the bytes, and where */
    public MalformedEntryException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the bytes, and where
     * @param cause the lower-level failure
     */
    public MalformedEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
