package org.sijil.crypto.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Hashing of the Merkle tree as fixed by RFC 6962 section 2.1 and RFC 9162 section 2.1.1, with
 * SHA-256. The one-byte prefixes keep a leaf hash from ever being presented as an interior node
 * (second-preimage resistance).
 */
public final class Rfc6962 {

    /** Length in bytes of every hash in the tree. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Rfc6962() {
    }

    /**
     * Returns {@code SHA-256(0x00 || leafBytes)}.
     *
     * @param leafBytes the exact bytes of the leaf; may be empty, not null
     */
    public static byte[] leafHash(byte[] leafBytes) {
        Objects.requireNonNull(leafBytes, "leafBytes");
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(leafBytes);
        return sha256.digest();
    }

    /**
     * Returns {@code SHA-256(0x01 || left || right)}.
     *
     * @param left  hash of the left subtree, {@value #HASH_SIZE} bytes
     * @param right hash of the right subtree, {@value #HASH_SIZE} bytes
     * @throws IllegalArgumentException if either hash is not {@value #HASH_SIZE} bytes long
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** Returns the root of the empty tree, {@code SHA-256("")}. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    static void requireHash(byte[] hash, String what) {
        Objects.requireNonNull(hash, what);
        if (hash.length != HASH_SIZE) {
            throw new IllegalArgumentException(
                    what + " must be " + HASH_SIZE + " bytes, was " + hash.length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
