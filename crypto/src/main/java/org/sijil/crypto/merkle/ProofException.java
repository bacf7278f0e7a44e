package org.sijil.crypto.merkle;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A Merkle proof did not verify. {@link #reason()} says which check failed; when the failure is a
 * hash mismatch, {@link #expected()} and {@link #computed()} carry the two hashes.
 */
public class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which check a proof failed. */
    public enum Reason {
        /** Index or sizes out of range (index beyond the tree, a shrinking tree, negative values). */
        INVALID_ARGUMENT,
        /** A leaf hash, root or proof element is missing or is not 32 bytes. */
        MALFORMED_HASH,
        /** The proof has a different number of hashes than the sizes call for. */
        WRONG_PROOF_LENGTH,
        /** The root computed from the proof differs from the expected (new) root. */
        ROOT_MISMATCH,
        /** The old root computed from a consistency proof differs from the expected old root. */
        OLD_ROOT_MISMATCH
    }

    private final Reason reason;
    private final byte[] expected;
    private final byte[] computed;

    /** A failure that is not a hash mismatch. */
    public ProofException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    /** A hash mismatch; the message names both hashes in hex. */
    public ProofException(Reason reason, String message, byte[] expected, byte[] computed) {
        super(expected == null || computed == null
                ? message
                : message + ": expected " + HexFormat.of().formatHex(expected)
                        + ", computed " + HexFormat.of().formatHex(computed));
        this.reason = reason;
        this.expected = expected == null ? null : expected.clone();
        this.computed = computed == null ? null : computed.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** The hash the caller supplied as trusted, if this is a mismatch. */
    public Optional<byte[]> expected() {
        return Optional.ofNullable(expected).map(byte[]::clone);
    }

    /** The hash computed from the proof, if this is a mismatch. */
    public Optional<byte[]> computed() {
        return Optional.ofNullable(computed).map(byte[]::clone);
    }
}
