package org.sijil.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InclusionProofTest {

    private static final String VECTORS = "org.sijil.crypto.merkle.MerkleVectors#inclusionProofs";

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void acceptsPublishedProof(MerkleVectors.Inclusion v) {
        assertThatCode(() -> InclusionProof.verify(v.index(), v.size(), leafHash(v), v.proof(), root(v)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryBitFlipInEveryProofHash(MerkleVectors.Inclusion v) {
        for (int i = 0; i < v.proof().size(); i++) {
            for (int bit = 0; bit < Rfc6962.HASH_SIZE * 8; bit++) {
                List<byte[]> proof = new ArrayList<>(v.proof());
                proof.set(i, flip(proof.get(i), bit));
                ProofException e = rejects(v.index(), v.size(), leafHash(v), proof, root(v));
                assertThat(e.reason()).isEqualTo(ProofException.Reason.ROOT_MISMATCH);
                assertThat(e.expected()).hasValueSatisfying(h -> assertThat(h).isEqualTo(root(v)));
                assertThat(e.computed()).hasValueSatisfying(h -> assertThat(h).isNotEqualTo(root(v)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryBitFlipInLeafHashAndRoot(MerkleVectors.Inclusion v) {
        for (int bit = 0; bit < Rfc6962.HASH_SIZE * 8; bit++) {
            rejects(v.index(), v.size(), flip(leafHash(v), bit), v.proof(), root(v));
            rejects(v.index(), v.size(), leafHash(v), v.proof(), flip(root(v), bit));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryOtherIndex(MerkleVectors.Inclusion v) {
        for (long index = -1; index <= 2 * v.size(); index++) {
            if (index != v.index()) {
                rejects(index, v.size(), leafHash(v), v.proof(), root(v));
            }
        }
    }

    /**
     * A root does not commit to its tree size: a proof whose left/right sequence is also the path
     * of the same index in a tree of another size verifies there too (leaf 0 of 8 and leaf 0 of 5
     * both take three right-hand siblings). The size must come from the signed checkpoint.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsEveryOtherSizeUnlessThePathShapeIsIdentical(MerkleVectors.Inclusion v) throws ProofException {
        int rejected = 0;
        for (long size = -1; size <= 2 * v.size() + 1; size++) {
            if (size == v.size()) {
                continue;
            }
            if (size > v.index() && shape(v.index(), size).equals(shape(v.index(), v.size()))) {
                InclusionProof.verify(v.index(), size, leafHash(v), v.proof(), root(v));
            } else {
                rejects(v.index(), size, leafHash(v), v.proof(), root(v));
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(0);
        rejects(v.index(), v.size() * 2, leafHash(v), v.proof(), root(v));
    }

    /** Side of each sibling on the RFC 9162 PATH, nearest the leaf first: R right, L left. */
    static String shape(long index, long size) {
        if (size == 1) {
            return "";
        }
        long k = Long.highestOneBit(size - 1);
        return index < k ? shape(index, k) + "R" : shape(index - k, size - k) + "L";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VECTORS)
    void rejectsProofWithHashAddedRemovedOrReordered(MerkleVectors.Inclusion v) {
        List<byte[]> longer = new ArrayList<>(v.proof());
        longer.add(root(v));
        rejects(v.index(), v.size(), leafHash(v), longer, root(v));
        List<byte[]> prefixed = new ArrayList<>(v.proof());
        prefixed.add(0, leafHash(v));
        rejects(v.index(), v.size(), leafHash(v), prefixed, root(v));
        if (!v.proof().isEmpty()) {
            rejects(v.index(), v.size(), leafHash(v), v.proof().subList(1, v.proof().size()), root(v));
            rejects(v.index(), v.size(), leafHash(v), v.proof().subList(0, v.proof().size() - 1), root(v));
        }
        if (v.proof().size() > 1) {
            List<byte[]> swapped = new ArrayList<>(v.proof());
            swapped.set(0, v.proof().get(1));
            swapped.set(1, v.proof().get(0));
            rejects(v.index(), v.size(), leafHash(v), swapped, root(v));
        }
    }

    @Test
    void checksPreconditionsBeforeHashing() {
        byte[] hash = new byte[32];
        assertThat(rejects(0, 0, hash, List.of(), hash).reason()).isEqualTo(ProofException.Reason.INVALID_ARGUMENT);
        assertThat(rejects(3, 3, hash, List.of(), hash).reason()).isEqualTo(ProofException.Reason.INVALID_ARGUMENT);
        assertThat(rejects(-1, 3, hash, List.of(), hash).reason()).isEqualTo(ProofException.Reason.INVALID_ARGUMENT);
        assertThat(rejects(0, 1, new byte[31], List.of(), hash).reason())
                .isEqualTo(ProofException.Reason.MALFORMED_HASH);
        assertThat(rejects(0, 1, hash, List.of(), null).reason()).isEqualTo(ProofException.Reason.MALFORMED_HASH);
        assertThat(rejects(0, 2, hash, null, hash).reason()).isEqualTo(ProofException.Reason.MALFORMED_HASH);
        assertThat(rejects(0, 2, hash, List.of(new byte[33]), hash).reason())
                .isEqualTo(ProofException.Reason.MALFORMED_HASH);
        assertThat(rejects(0, 2, hash, List.of(), hash).reason()).isEqualTo(ProofException.Reason.WRONG_PROOF_LENGTH);
    }

    @Test
    void singleLeafTreeRootIsTheLeafHash() throws ProofException {
        byte[] leaf = Rfc6962.leafHash("data".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        InclusionProof.verify(0, 1, leaf, List.of(), leaf);
        assertThatThrownBy(() -> InclusionProof.verify(0, 1, leaf, List.of(), Rfc6962.emptyRoot()))
                .isInstanceOf(ProofException.class);
    }

    static ProofException rejects(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
        ProofException e = catchThrowableOfType(ProofException.class,
                () -> InclusionProof.verify(index, size, leaf, proof, root));
        assertThat(e).as("verify(%d, %d) must fail", index, size).isNotNull();
        return e;
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static byte[] leafHash(MerkleVectors.Inclusion v) {
        return Rfc6962.leafHash(MerkleVectors.leaves().get((int) v.index()));
    }

    private static byte[] root(MerkleVectors.Inclusion v) {
        return MerkleVectors.roots().get((int) v.size());
    }
}
