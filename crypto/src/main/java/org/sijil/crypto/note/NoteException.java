package org.sijil.crypto.note;

/** A note, checkpoint or note key was malformed, or a note's signature did not verify. */
public class NoteException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Reason {
        /** A verifier key or secret key is not in the note key encoding, or its hash is wrong. */
        MALFORMED_KEY,
        /** The signed note breaks the signed-note format. */
        MALFORMED_NOTE,
        /** The checkpoint body breaks the tlog-checkpoint format. */
        MALFORMED_CHECKPOINT,
        /** The note is well formed but carries no signature by the verifier's key. */
        NO_SIGNATURE_BY_KEY,
        /** The note carries a signature line for the verifier's key that does not verify. */
        INVALID_SIGNATURE
    }

    private final Reason reason;

    public NoteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
