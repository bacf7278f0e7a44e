package org.sijil.crypto.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies RFC 9162 consistency proofs (section 2.1.4.2). Independent of {@link StoredHashes}: it
 * shares only the two hash functions of {@link Rfc6962}.
 */
public final class ConsistencyProof {

    private ConsistencyProof() {
    }

    /**
     * Checks that the tree of size {@code oldSize} with root {@code oldRoot} is a prefix of the tree
     * of size {@code newSize} with root {@code newRoot}.
     *
     * <p>Preconditions, all checked before any hashing: {@code 0 <= oldSize <= newSize}; both roots
     * and every proof element are 32 bytes; the proof has exactly the number of elements the two
     * sizes call for. Equal sizes need an empty proof and equal roots. RFC 9162 leaves
     * {@code oldSize = 0} undefined; here it needs an empty proof and {@code oldRoot} equal to
     * {@link Rfc6962#emptyRoot()} (stricter than implementations that accept any old root).
     *
     * <p>Roots do not commit to tree sizes; take each size and root together from one verified
     * checkpoint (see {@link InclusionProof#verify}).
     *
     * @param proof the RFC 9162 {@code PROOF}, in the order the RFC defines
     * @throws ProofException if a precondition fails or either computed root differs from the one
     *                        given
     */
    public static void verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof)
            throws ProofException {
        if (oldSize < 0 || newSize < oldSize) {
            throw new ProofException(ProofException.Reason.INVALID_ARGUMENT,
                    "no consistency from size " + oldSize + " to size " + newSize);
        }
        InclusionProof.requireHash(oldRoot, "old root");
        InclusionProof.requireHash(newRoot, "new root");
        InclusionProof.requireProof(proof);
        int expectedLength = proofLength(oldSize, newSize);
        if (proof.size() != expectedLength) {
            throw new ProofException(ProofException.Reason.WRONG_PROOF_LENGTH,
                    "consistency proof from " + oldSize + " to " + newSize + " needs " + expectedLength
                            + " hashes, got " + proof.size());
        }
        if (oldSize == 0) {
            byte[] empty = Rfc6962.emptyRoot();
            if (!MessageDigest.isEqual(empty, oldRoot)) {
                throw new ProofException(ProofException.Reason.OLD_ROOT_MISMATCH,
                        "the root of the empty tree is SHA-256(\"\")", oldRoot, empty);
            }
            return;
        }
        if (oldSize == newSize) {
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw new ProofException(ProofException.Reason.ROOT_MISMATCH,
                        "trees of equal size " + newSize + " have different roots", newRoot, oldRoot);
            }
            return;
        }

        // RFC 9162 2.1.4.2, steps 2 to 8.
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0).clone();
        byte[] sr = path.get(0).clone();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException(ProofException.Reason.WRONG_PROOF_LENGTH,
                        "consistency proof is longer than the path to the new root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException(ProofException.Reason.WRONG_PROOF_LENGTH,
                    "consistency proof is shorter than the path to the new root");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw new ProofException(ProofException.Reason.OLD_ROOT_MISMATCH,
                    "consistency proof from " + oldSize + " to " + newSize + " does not lead to the old root",
                    oldRoot, fr);
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw new ProofException(ProofException.Reason.ROOT_MISMATCH,
                    "consistency proof from " + oldSize + " to " + newSize + " does not lead to the new root",
                    newRoot, sr);
        }
    }

    /**
     * Number of hashes in the consistency proof from {@code oldSize} to {@code newSize}: the
     * inclusion path of the old tree's last leaf, less the levels inside the largest complete
     * subtree that leaf closes, plus that subtree's own hash unless it is the whole old tree.
     */
    static int proofLength(long oldSize, long newSize) {
        if (oldSize == 0 || oldSize == newSize) {
            return 0;
        }
        int shift = Long.numberOfTrailingZeros(oldSize);
        int pathLength = InclusionProof.pathLength(oldSize - 1, newSize) - shift;
        return Long.bitCount(oldSize) == 1 ? pathLength : pathLength + 1;
    }
}
