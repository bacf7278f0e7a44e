package org.sijil.crypto.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion proofs (section 2.1.3.2). Independent of {@link StoredHashes}: it
 * shares only the two hash functions of {@link Rfc6962}.
 */
public final class InclusionProof {

    private InclusionProof() {
    }

    /**
     * Checks that {@code leafHash} is the leaf at {@code index} of the tree of size
     * {@code treeSize} whose root is {@code rootHash}.
     *
     * <p>Preconditions, all checked before any hashing: {@code 0 <= index < treeSize}; the leaf
     * hash, the root and every proof element are 32 bytes; the proof has exactly the number of
     * elements a tree of that size calls for. There is no lenient mode.
     *
     * <p>A root does not commit to its tree size, and a proof binds the size only through its
     * shape: the proof of leaf 0 in a tree of 8 also verifies as a proof of leaf 0 in a tree of 5
     * with the same root. Take {@code treeSize} and {@code rootHash} together from one verified
     * checkpoint.
     *
     * @param leafHash {@link Rfc6962#leafHash} of the leaf's bytes, not the bytes themselves
     * @param proof    the RFC 9162 {@code PATH}, nearest the leaf first
     * @throws ProofException if a precondition fails or the computed root differs from
     *                        {@code rootHash}
     */
    public static void verify(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] rootHash)
            throws ProofException {
        if (index < 0 || treeSize <= 0 || index >= treeSize) {
            throw new ProofException(ProofException.Reason.INVALID_ARGUMENT,
                    "leaf index " + index + " is not in a tree of size " + treeSize);
        }
        requireHash(leafHash, "leaf hash");
        requireHash(rootHash, "root hash");
        requireProof(proof);
        int expectedLength = pathLength(index, treeSize);
        if (proof.size() != expectedLength) {
            throw new ProofException(ProofException.Reason.WRONG_PROOF_LENGTH,
                    "inclusion proof for leaf " + index + " of " + treeSize + " needs " + expectedLength
                            + " hashes, got " + proof.size());
        }

        // RFC 9162 2.1.3.2, steps 2 to 5.
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash.clone();
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException(ProofException.Reason.WRONG_PROOF_LENGTH,
                        "inclusion proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException(ProofException.Reason.WRONG_PROOF_LENGTH,
                    "inclusion proof is shorter than the path to the root");
        }
        if (!MessageDigest.isEqual(r, rootHash)) {
            throw new ProofException(ProofException.Reason.ROOT_MISMATCH,
                    "inclusion proof for leaf " + index + " of " + treeSize + " does not lead to the root",
                    rootHash, r);
        }
    }

    /**
     * Number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size}: the
     * levels below the point where the paths to {@code index} and to the last leaf part, plus one
     * per left sibling above it.
     */
    static int pathLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    static void requireHash(byte[] hash, String what) throws ProofException {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new ProofException(ProofException.Reason.MALFORMED_HASH,
                    what + " must be " + Rfc6962.HASH_SIZE + " bytes, was "
                            + (hash == null ? "null" : hash.length + " bytes"));
        }
    }

    static void requireProof(List<byte[]> proof) throws ProofException {
        if (proof == null) {
            throw new ProofException(ProofException.Reason.MALFORMED_HASH, "proof is null");
        }
        for (int i = 0; i < proof.size(); i++) {
            requireHash(proof.get(i), "proof hash " + i);
        }
    }
}
