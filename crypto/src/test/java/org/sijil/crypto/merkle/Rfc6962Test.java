package org.sijil.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Rfc6962Test {

    static Stream<Arguments> referenceRoots() {
        List<byte[]> roots = MerkleVectors.roots();
        return IntStream.range(0, roots.size()).mapToObj(size -> Arguments.of(size, roots.get(size)));
    }

    @ParameterizedTest(name = "tree of size {0}")
    @MethodSource("referenceRoots")
    void naiveRootOfReferenceTreeMatchesPublishedRoot(int size, byte[] expected) {
        assertThat(NaiveMerkle.ofLeafBytes(MerkleVectors.leaves()).root(size)).isEqualTo(expected);
    }

    @Test
    void emptyRootIsSha256OfNothing() throws Exception {
        assertThat(Rfc6962.emptyRoot()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
    }

    @Test
    void leafHashPrefixesZeroByte() throws Exception {
        byte[] leaf = {1, 2, 3};
        assertThat(Rfc6962.leafHash(leaf))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(new byte[] {0, 1, 2, 3}));
    }

    @Test
    void nodeHashPrefixesOneByteAndOrdersChildren() throws Exception {
        byte[] left = Rfc6962.leafHash(new byte[] {1});
        byte[] right = Rfc6962.leafHash(new byte[] {2});
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);
        assertThat(Rfc6962.nodeHash(left, right)).isEqualTo(sha256.digest());
        assertThat(Rfc6962.nodeHash(right, left)).isNotEqualTo(Rfc6962.nodeHash(left, right));
    }

    @Test
    void nodeHashRejectsChildrenThatAreNotSha256Hashes() {
        byte[] hash = new byte[32];
        assertThatThrownBy(() -> Rfc6962.nodeHash(new byte[31], hash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.nodeHash(hash, new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
