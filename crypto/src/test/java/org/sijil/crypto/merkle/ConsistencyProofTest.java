package org.sijil.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.sijil.crypto.merkle.InclusionProofTest.flip;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConsistencyProofTest {

    private static final String VECTORS = "org.sijil.crypto.merkle.MerkleVectors#consistencyProofs";

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void acceptsPublishedProof(MerkleVectors.Consistency v) {
        assertThatCode(() -> ConsistencyProof.verify(v.oldSize(), v.newSize(), oldRoot(v), newRoot(v), v.proof()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryBitFlipInEveryProofHash(MerkleVectors.Consistency v) {
        for (int i = 0; i < v.proof().size(); i++) {
            for (int bit = 0; bit < Rfc6962.HASH_SIZE * 8; bit++) {
                List<byte[]> proof = new ArrayList<>(v.proof());
                proof.set(i, flip(proof.get(i), bit));
                ProofException e = rejects(v.oldSize(), v.newSize(), oldRoot(v), newRoot(v), proof);
                assertThat(e.reason()).isIn(ProofException.Reason.ROOT_MISMATCH, ProofException.Reason.OLD_ROOT_MISMATCH);
                assertThat(e.expected()).isPresent();
                assertThat(e.computed()).isPresent();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryBitFlipInEitherRoot(MerkleVectors.Consistency v) {
        for (int bit = 0; bit < Rfc6962.HASH_SIZE * 8; bit++) {
            rejects(v.oldSize(), v.newSize(), flip(oldRoot(v), bit), newRoot(v), v.proof());
            rejects(v.oldSize(), v.newSize(), oldRoot(v), flip(newRoot(v), bit), v.proof());
        }
    }

    /**
     * Roots do not commit to tree sizes: a proof whose structure is also the structure of the
     * proof between two other sizes verifies for them too (1 to 8 and 1 to 5 both take three
     * right-hand subtrees). The sizes must come from the signed checkpoints.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryOtherSizeUnlessTheProofShapeIsIdentical(MerkleVectors.Consistency v) throws ProofException {
        String shape = shape(v.oldSize(), v.newSize());
        int rejected = 0;
        for (long size = -1; size <= 2 * v.newSize() + 1; size++) {
            if (size != v.oldSize()) {
                if (size >= 1 && size <= v.newSize() && shape(size, v.newSize()).equals(shape)) {
                    ConsistencyProof.verify(size, v.newSize(), oldRoot(v), newRoot(v), v.proof());
                } else {
                    rejects(size, v.newSize(), oldRoot(v), newRoot(v), v.proof());
                    rejected++;
                }
            }
            if (size != v.newSize()) {
                if (size >= v.oldSize() && v.oldSize() >= 1 && shape(v.oldSize(), size).equals(shape)) {
                    ConsistencyProof.verify(v.oldSize(), size, oldRoot(v), newRoot(v), v.proof());
                } else {
                    rejects(v.oldSize(), size, oldRoot(v), newRoot(v), v.proof());
                    rejected++;
                }
            }
        }
        assertThat(rejected).isGreaterThan(0);
    }

    /**
     * Structure of PROOF(m, D[n]) from the RFC 9162 SUBPROOF recursion: R a right-hand subtree,
     * L a left-hand one, S the hash of a subtree the old tree ends in.
     */
    static String shape(long m, long n) {
        return subproofShape(m, n, true);
    }

    private static String subproofShape(long m, long n, boolean wholeOldTree) {
        if (m == n) {
            return wholeOldTree ? "" : "S";
        }
        long k = Long.highestOneBit(n - 1);
        return m <= k ? subproofShape(m, k, wholeOldTree) + "R" : subproofShape(m - k, n - k, false) + "L";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsSwappedRootsAndAlteredProofLength(MerkleVectors.Consistency v) {
        if (v.oldSize() != v.newSize()) {
            rejects(v.oldSize(), v.newSize(), newRoot(v), oldRoot(v), v.proof());
            rejects(v.oldSize(), v.newSize(), oldRoot(v), newRoot(v), List.of());
            rejects(v.oldSize(), v.newSize(), oldRoot(v), newRoot(v), v.proof().subList(0, v.proof().size() - 1));
        }
        List<byte[]> longer = new ArrayList<>(v.proof());
        longer.add(newRoot(v));
        rejects(v.oldSize(), v.newSize(), oldRoot(v), newRoot(v), longer);
        List<byte[]> prefixed = new ArrayList<>(v.proof());
        prefixed.add(0, oldRoot(v));
        rejects(v.oldSize(), v.newSize(), oldRoot(v), newRoot(v), prefixed);
    }

    @Test
    void equalSizesNeedEqualRootsAndAnEmptyProof() {
        List<byte[]> roots = MerkleVectors.roots();
        assertThat(rejects(4, 4, roots.get(4), roots.get(5), List.of()).reason())
                .isEqualTo(ProofException.Reason.ROOT_MISMATCH);
        assertThat(rejects(4, 4, roots.get(4), roots.get(4), List.of(roots.get(1))).reason())
                .isEqualTo(ProofException.Reason.WRONG_PROOF_LENGTH);
    }

    @Test
    void emptyOldTreeIsConsistentWithAnyTreeButOnlyUnderTheEmptyRoot() throws ProofException {
        List<byte[]> roots = MerkleVectors.roots();
        ConsistencyProof.verify(0, 8, Rfc6962.emptyRoot(), roots.get(8), List.of());
        ConsistencyProof.verify(0, 0, Rfc6962.emptyRoot(), Rfc6962.emptyRoot(), List.of());
        assertThat(rejects(0, 8, roots.get(1), roots.get(8), List.of()).reason())
                .isEqualTo(ProofException.Reason.OLD_ROOT_MISMATCH);
        assertThat(rejects(0, 8, Rfc6962.emptyRoot(), roots.get(8), List.of(roots.get(1))).reason())
                .isEqualTo(ProofException.Reason.WRONG_PROOF_LENGTH);
    }

    @Test
    void checksPreconditionsBeforeHashing() {
        byte[] hash = new byte[32];
        assertThat(rejects(5, 4, hash, hash, List.of()).reason()).isEqualTo(ProofException.Reason.INVALID_ARGUMENT);
        assertThat(rejects(-1, 4, hash, hash, List.of()).reason()).isEqualTo(ProofException.Reason.INVALID_ARGUMENT);
        assertThat(rejects(1, 2, new byte[0], hash, List.of(hash)).reason())
                .isEqualTo(ProofException.Reason.MALFORMED_HASH);
        assertThat(rejects(1, 2, hash, hash, null).reason()).isEqualTo(ProofException.Reason.MALFORMED_HASH);
        assertThat(rejects(1, 2, hash, hash, List.of(new byte[31])).reason())
                .isEqualTo(ProofException.Reason.MALFORMED_HASH);
    }

    private static ProofException rejects(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> proof) {
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> ConsistencyProof.verify(oldSize, newSize, oldRoot, newRoot, proof));
        assertThat(e).as("verify(%d, %d) must fail", oldSize, newSize).isNotNull();
        return e;
    }

    private static byte[] oldRoot(MerkleVectors.Consistency v) {
        return MerkleVectors.roots().get((int) v.oldSize());
    }

    private static byte[] newRoot(MerkleVectors.Consistency v) {
        return MerkleVectors.roots().get((int) v.newSize());
    }
}
