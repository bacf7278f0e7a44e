package org.sijil.crypto.note;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checkpoint of the transparency log, the text of a C2SP tlog-checkpoint note:
 * <pre>
 * &lt;origin&gt;\n
 * &lt;tree size, decimal&gt;\n
 * &lt;base64 of the 32-byte root hash&gt;\n
 * </pre>
 * Checkpoints are compared by content. This implementation writes and accepts no extension lines.
 *
 * @param origin   identifies the log; non-empty, no control characters
 * @param size     number of leaves, {@code >= 0}
 * @param rootHash RFC 6962 root of the first {@code size} leaves, 32 bytes
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    private static final int HASH_SIZE = 32;

    /**
     * @throws IllegalArgumentException if a component cannot appear in a checkpoint
     */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        if (origin.isEmpty() || !NoteFormat.isWellFormedUtf16(origin) || origin.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("origin must be non-empty, on one line, without control characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("root hash must be " + HASH_SIZE + " bytes, was " + rootHash.length);
        }
        rootHash = rootHash.clone();
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size and base64 root, each followed by a newline. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /**
     * Parses a checkpoint body strictly: exactly three newline-terminated lines, a decimal size
     * without sign or leading zeros that fits in a signed 64-bit integer, and a root in canonical
     * padded base64 decoding to 32 bytes. Extension lines are rejected.
     *
     * @throws NoteException ({@link NoteException.Reason#MALFORMED_CHECKPOINT}) otherwise
     */
    public static Checkpoint parse(String body) throws NoteException {
        if (body == null || !body.endsWith("\n")) {
            throw malformed("checkpoint body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw malformed("checkpoint body must have exactly 3 lines (origin, size, root), has " + lines.length);
        }
        String sizeText = lines[1];
        if (sizeText.isEmpty() || !sizeText.chars().allMatch(c -> c >= '0' && c <= '9')
                || (sizeText.length() > 1 && sizeText.charAt(0) == '0')) {
            throw malformed("tree size must be decimal digits without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(sizeText);
        } catch (NumberFormatException e) {
            throw malformed("tree size out of range");
        }
        byte[] root = NoteFormat.decodeBase64Strict(lines[2]);
        if (root == null || root.length != HASH_SIZE) {
            throw malformed("root hash must be canonical base64 of " + HASH_SIZE + " bytes");
        }
        try {
            return new Checkpoint(lines[0], size, root);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && MessageDigest.isEqual(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", size=" + size + ", rootHash=" + HexFormat.of().formatHex(rootHash) + "]";
    }

    private static NoteException malformed(String message) {
        return new NoteException(NoteException.Reason.MALFORMED_CHECKPOINT, message);
    }
}
