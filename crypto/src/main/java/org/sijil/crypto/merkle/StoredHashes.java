package org.sijil.crypto.merkle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored-hash layout of an append-only log, as in Go's {@code golang.org/x/mod/sumdb/tlog},
 * and the tree hashes and proofs computed from it.
 *
 * <h2>Layout</h2>
 *
 * <p>Write {@code (L, k)} for the hash of the complete subtree at level {@code L} that covers
 * leaves {@code [k·2^L, (k+1)·2^L)}; level 0 holds the leaf hashes. Such a hash never changes once
 * its last leaf exists, so it is written exactly once, right after that leaf. Appending leaf
 * {@code n} therefore writes {@code (0, n)} followed by one more hash for each trailing 1 bit of
 * {@code n}: {@code (1, n>>1)} if {@code n} is odd, {@code (2, n>>2)} if {@code n mod 4 = 3}, and
 * so on. All hashes form a single array in that order; {@link #storedHashIndex} gives the position
 * of {@code (L, k)}. For the first eight leaves:
 *
 * <pre>
 * index  0      1      2      3      4      5      6      7      8      9      10     11     12     13     14
 * hash   (0,0)  (0,1)  (1,0)  (0,2)  (0,3)  (1,1)  (2,0)  (0,4)  (0,5)  (1,2)  (0,6)  (0,7)  (1,3)  (2,1)  (3,0)
 * </pre>
 *
 * <p>A log of {@code n} leaves stores {@code 2n - popcount(n)} hashes (about 2n: 6.4 GB of hashes
 * at 10^8 leaves), appends with at most {@code log2 n} reads, and answers a tree hash, an inclusion
 * proof or a consistency proof with one batched read of O(log n) hashes, because every right-hand
 * fringe of a tree is a sequence of at most {@code log2 n} complete subtrees whose hashes are stored.
 * Nothing is rehashed except along that fringe.
 *
 * <p>Proofs produced here are the RFC 6962 / RFC 9162 proofs ({@code PATH} and {@code PROOF}), in
 * the order the RFC gives: nearest the leaf (or the old tree) first.
 */
public final class StoredHashes {

    private StoredHashes() {
    }

    /**
     * Returns the position in the stored-hash array of the hash at {@code level} covering leaves
     * {@code [n·2^level, (n+1)·2^level)}.
     *
     * @param level 0 for leaf hashes; {@code 0 <= level < 62}
     * @param n     position of the subtree within its level; {@code 0 <= n < 2^(61 - level)}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static long storedHashIndex(int level, long n) {
        if (level < 0 || level >= 62 || n < 0 || n >= (1L << (61 - level))) {
            throw new IllegalArgumentException("no stored hash (" + level + ", " + n + ")");
        }
        // (level, n) is written right after leaf ((n+1) << level) - 1, which completes it.
        long lastLeaf = ((n + 1) << level) - 1;
        return leafHashIndex(lastLeaf) + level;
    }

    /**
     * Returns how many hashes are stored for a log of {@code n} leaves, which is
     * {@code 2n - popcount(n)}.
     *
     * @param n number of leaves; {@code 0 <= n < 2^61}
     */
    public static long storedHashCount(long n) {
        if (n < 0 || n >= (1L << 61)) {
            throw new IllegalArgumentException("tree size out of range: " + n);
        }
        return 2 * n - Long.bitCount(n);
    }

    /**
     * Returns the hashes to append, starting at {@code storedHashIndex(0, n)}, when leaf {@code n}
     * (0-based) is added to a log of {@code n} leaves: the leaf hash, then the hash of each complete
     * subtree that leaf finishes, smallest first.
     *
     * @param n        index of the new leaf, equal to the current number of leaves
     * @param leafHash {@link Rfc6962#leafHash} of the new leaf
     * @param existing reader of the hashes stored for leaves {@code 0 .. n-1}
     * @throws IOException if {@code existing} fails or returns the wrong number of hashes
     */
    public static List<byte[]> storedHashesForRecord(long n, byte[] leafHash, HashReader existing)
            throws IOException {
        if (n < 0 || n >= (1L << 61)) {
            throw new IllegalArgumentException("leaf index out of range: " + n);
        }
        Rfc6962.requireHash(leafHash, "leafHash");
        int completed = Long.numberOfTrailingZeros(~n); // trailing 1 bits of n
        long[] indexes = new long[completed];
        // The left sibling of (level, n >> level) is (level, (n >> level) - 1); read them in
        // storage order (largest subtree first).
        for (int level = 0; level < completed; level++) {
            indexes[completed - 1 - level] = storedHashIndex(level, (n >> level) - 1);
        }
        byte[][] siblings = read(existing, indexes);
        List<byte[]> result = new ArrayList<>(completed + 1);
        byte[] hash = leafHash.clone();
        result.add(hash);
        for (int level = 0; level < completed; level++) {
            hash = Rfc6962.nodeHash(siblings[completed - 1 - level], hash);
            result.add(hash);
        }
        return result;
    }

    /**
     * Returns the root hash of the tree of the first {@code n} leaves, reading at most
     * {@code 1 + log2 n} stored hashes in one call. The empty tree's hash is
     * {@link Rfc6962#emptyRoot()}.
     *
     * @param n tree size, {@code n >= 0}, no larger than the log
     */
    public static byte[] treeHash(long n, HashReader r) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative tree size: " + n);
        }
        if (n == 0) {
            return Rfc6962.emptyRoot();
        }
        List<Long> need = new ArrayList<>();
        subtreeIndexes(0, n, need);
        Cursor hashes = new Cursor(read(r, toArray(need)));
        byte[] root = subtreeHash(0, n, hashes);
        hashes.requireExhausted();
        return root;
    }

    /**
     * Returns the RFC 9162 inclusion proof ({@code PATH}) of leaf {@code index} in the tree of the
     * first {@code treeSize} leaves, reading O(log treeSize) stored hashes in one call.
     *
     * @param index    0-based leaf index, {@code 0 <= index < treeSize}
     * @param treeSize size of the tree the proof is against, no larger than the log
     */
    public static List<byte[]> proveRecord(long index, long treeSize, HashReader r) throws IOException {
        if (index < 0 || treeSize <= 0 || index >= treeSize) {
            throw new IllegalArgumentException(
                    "no inclusion proof for index " + index + " in tree of size " + treeSize);
        }
        List<Long> need = new ArrayList<>();
        inclusionIndexes(0, treeSize, index, need);
        if (need.isEmpty()) {
            return Collections.emptyList();
        }
        Cursor hashes = new Cursor(read(r, toArray(need)));
        List<byte[]> proof = new ArrayList<>();
        inclusionProof(0, treeSize, index, hashes, proof);
        hashes.requireExhausted();
        return proof;
    }

    /**
     * Returns the RFC 9162 consistency proof ({@code PROOF}) that the tree of the first
     * {@code oldSize} leaves is a prefix of the tree of the first {@code newSize} leaves, reading
     * O(log newSize) stored hashes in one call. The proof is empty when the sizes are equal.
     *
     * @param newSize size of the newer tree, no larger than the log
     * @param oldSize size of the older tree, {@code 1 <= oldSize <= newSize}
     */
    public static List<byte[]> proveTree(long newSize, long oldSize, HashReader r) throws IOException {
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException(
                    "no consistency proof from size " + oldSize + " to size " + newSize);
        }
        List<Long> need = new ArrayList<>();
        consistencyIndexes(0, newSize, oldSize, need);
        if (need.isEmpty()) {
            return Collections.emptyList();
        }
        Cursor hashes = new Cursor(read(r, toArray(need)));
        List<byte[]> proof = new ArrayList<>();
        consistencyProof(0, newSize, oldSize, hashes, proof);
        hashes.requireExhausted();
        return proof;
    }

    /** Position of leaf n's hash: every earlier leaf k wrote 1 + trailingOnes(k) hashes. */
    private static long leafHashIndex(long n) {
        // Sum over k < n of (1 + trailingOnes(k)) = n + n/2 + n/4 + ...
        long index = 0;
        for (long m = n; m > 0; m >>= 1) {
            index += m;
        }
        return index;
    }

    /** Largest power of two strictly smaller than {@code n}; requires {@code n >= 2}. */
    private static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    // The subtree [lo, hi) with lo aligned is the sequence of complete subtrees obtained by taking
    // the largest power of two that fits, then the largest in what remains, and so on; its hash is
    // their right fold: H(t1, H(t2, ... H(tk-1, tk))).

    private static void subtreeIndexes(long lo, long hi, List<Long> need) {
        while (lo < hi) {
            long size = Long.highestOneBit(hi - lo);
            int level = Long.numberOfTrailingZeros(size);
            need.add(storedHashIndex(level, lo >> level));
            lo += size;
        }
    }

    private static byte[] subtreeHash(long lo, long hi, Cursor hashes) {
        List<byte[]> parts = new ArrayList<>();
        while (lo < hi) {
            parts.add(hashes.next());
            lo += Long.highestOneBit(hi - lo);
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = Rfc6962.nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    // RFC 9162 2.1.3.1: PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k,
    //                                  PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise.

    private static void inclusionIndexes(long lo, long hi, long index, List<Long> need) {
        if (hi - lo == 1) {
            return;
        }
        long k = splitPoint(hi - lo);
        if (index < lo + k) {
            inclusionIndexes(lo, lo + k, index, need);
            subtreeIndexes(lo + k, hi, need);
        } else {
            subtreeIndexes(lo, lo + k, need);
            inclusionIndexes(lo + k, hi, index, need);
        }
    }

    private static void inclusionProof(long lo, long hi, long index, Cursor hashes, List<byte[]> proof) {
        if (hi - lo == 1) {
            return;
        }
        long k = splitPoint(hi - lo);
        if (index < lo + k) {
            inclusionProof(lo, lo + k, index, hashes, proof);
            proof.add(subtreeHash(lo + k, hi, hashes));
        } else {
            byte[] left = subtreeHash(lo, lo + k, hashes);
            inclusionProof(lo + k, hi, index, hashes, proof);
            proof.add(left);
        }
    }

    // RFC 9162 2.1.4.1: SUBPROOF(m, D[n], b) = {} if m = n and b, {MTH(D[n])} if m = n and not b;
    // for m < n: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) if m <= k,
    //            SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]) otherwise.
    // Here b ("the verifier knows this root") holds exactly while lo == 0.

    private static void consistencyIndexes(long lo, long hi, long oldSize, List<Long> need) {
        if (oldSize == hi) {
            if (lo != 0) {
                subtreeIndexes(lo, hi, need);
            }
            return;
        }
        long k = splitPoint(hi - lo);
        if (oldSize <= lo + k) {
            consistencyIndexes(lo, lo + k, oldSize, need);
            subtreeIndexes(lo + k, hi, need);
        } else {
            subtreeIndexes(lo, lo + k, need);
            consistencyIndexes(lo + k, hi, oldSize, need);
        }
    }

    private static void consistencyProof(long lo, long hi, long oldSize, Cursor hashes, List<byte[]> proof) {
        if (oldSize == hi) {
            if (lo != 0) {
                proof.add(subtreeHash(lo, hi, hashes));
            }
            return;
        }
        long k = splitPoint(hi - lo);
        if (oldSize <= lo + k) {
            consistencyProof(lo, lo + k, oldSize, hashes, proof);
            proof.add(subtreeHash(lo + k, hi, hashes));
        } else {
            byte[] left = subtreeHash(lo, lo + k, hashes);
            consistencyProof(lo + k, hi, oldSize, hashes, proof);
            proof.add(left);
        }
    }

    private static long[] toArray(List<Long> indexes) {
        long[] result = new long[indexes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = indexes.get(i);
        }
        return result;
    }

    private static byte[][] read(HashReader reader, long[] indexes) throws IOException {
        if (indexes.length == 0) {
            return new byte[0][];
        }
        byte[][] hashes = reader.readHashes(indexes);
        if (hashes == null || hashes.length != indexes.length) {
            throw new IOException("hash reader returned " + (hashes == null ? "null" : hashes.length)
                    + " hashes for " + indexes.length + " indexes");
        }
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == null || hashes[i].length != Rfc6962.HASH_SIZE) {
                throw new IOException("hash reader returned a malformed hash at storage index " + indexes[i]);
            }
        }
        return hashes;
    }

    /** Hands out hashes in the order their indexes were requested. */
    private static final class Cursor {
        private final byte[][] hashes;
        private int next;

        Cursor(byte[][] hashes) {
            this.hashes = hashes;
        }

        byte[] next() {
            if (next >= hashes.length) {
                throw new IllegalStateException("index plan and hash plan disagree");
            }
            return hashes[next++].clone();
        }

        void requireExhausted() {
            if (next != hashes.length) {
                throw new IllegalStateException("index plan and hash plan disagree");
            }
        }
    }
}
