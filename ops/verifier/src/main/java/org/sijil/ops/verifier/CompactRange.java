package org.sijil.ops.verifier;

import java.util.ArrayList;
import java.util.List;
import org.sijil.crypto.merkle.Rfc6962;

/**
 * The RFC 6962 tree of the leaves appended so far, kept in O(log n) memory: the hashes of the
 * complete subtrees the leaves split into, largest (leftmost) first — one per 1 bit of the size.
 * Appending a leaf merges equal-sized neighbours, exactly as a binary counter carries; the root is
 * the right fold of the stack, which is RFC 6962's MTH for any size. Written here from the RFC,
 * not shared with the server's stored-hash code, so the two check each other. Not thread-safe.
 */
final class CompactRange {

    private final List<byte[]> hashes;
    private long size;

    CompactRange() {
        this(0, List.of());
    }

    /**
     * Restores a range saved with {@link #size()} and {@link #hashes()}.
     *
     * @throws IllegalArgumentException if the number of hashes is not the popcount of the size,
     *     or a hash is not 32 bytes
     */
    CompactRange(long size, List<byte[]> hashes) {
        if (size < 0 || Long.bitCount(size) != hashes.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " complete subtrees, not " + hashes.size());
        }
        this.size = size;
        this.hashes = new ArrayList<>(64);
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
                throw new IllegalArgumentException("subtree hash must be 32 bytes");
            }
            this.hashes.add(hash.clone());
        }
    }

    /** Appends the leaf with this {@link Rfc6962#leafHash leaf hash}. */
    void append(byte[] leafHash) {
        byte[] hash = leafHash;
        // Each trailing 1 bit of the old size is a complete subtree of the new leaf's size: merge.
        for (long carry = size; (carry & 1) == 1; carry >>= 1) {
            hash = Rfc6962.nodeHash(hashes.remove(hashes.size() - 1), hash);
        }
        hashes.add(hash);
        size++;
    }

    long size() {
        return size;
    }

    /** The root of the tree of {@link #size()} leaves; the empty-tree hash for none. */
    byte[] root() {
        if (hashes.isEmpty()) {
            return Rfc6962.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Rfc6962.nodeHash(hashes.get(i), root);
        }
        return root;
    }

    /** Copies of the subtree hashes, largest first. */
    List<byte[]> hashes() {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            copy.add(hash.clone());
        }
        return copy;
    }
}
