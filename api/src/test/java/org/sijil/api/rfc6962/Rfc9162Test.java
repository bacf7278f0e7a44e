package org.sijil.api.rfc6962;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test-only verifier against published values: the eight-leaf tree of Certificate
 * Transparency's test data (certificate-transparency-go merkle tests, also RFC 6962's reference
 * implementation) and the signed note of Go's sumdb/note documentation (note.go).
 */
class Rfc9162Test {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the CT test tree, and the root of all eight. */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String ROOT_8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    private static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_NOTE = PETER_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static List<byte[]> leafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (String leaf : LEAVES) {
            hashes.add(Rfc9162.leafHash(HEX.parseHex(leaf)));
        }
        return hashes;
    }

    @Test
    void computesThePublishedRootOfTheEightLeafTree() {
        assertThat(HEX.formatHex(Rfc9162.rootOf(leafHashes()))).isEqualTo(ROOT_8);
    }

    @Test
    void everyInclusionProofOfEveryPrefixVerifiesAndNoBitFlipDoes() {
        List<byte[]> all = leafHashes();
        for (int n = 1; n <= all.size(); n++) {
            List<byte[]> tree = all.subList(0, n);
            byte[] root = Rfc9162.rootOf(tree);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Rfc9162.path(m, tree);
                assertThat(Rfc9162.verifyInclusion(m, n, tree.get(m), path, root)).as("leaf %d of %d", m, n).isTrue();
                for (int p = 0; p < path.size(); p++) {
                    for (int bit = 0; bit < 256; bit += 37) {
                        List<byte[]> flipped = flip(path, p, bit);
                        assertThat(Rfc9162.verifyInclusion(m, n, tree.get(m), flipped, root)).isFalse();
                    }
                }
                if (n > 1) {
                    assertThat(Rfc9162.verifyInclusion((m + 1) % n, n, tree.get(m), path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenPrefixesVerifiesAndNoBitFlipDoes() {
        List<byte[]> all = leafHashes();
        for (int n = 1; n <= all.size(); n++) {
            byte[] newRoot = Rfc9162.rootOf(all.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] oldRoot = Rfc9162.rootOf(all.subList(0, m));
                List<byte[]> proof = Rfc9162.proof(m, all.subList(0, n));
                assertThat(Rfc9162.verifyConsistency(m, n, oldRoot, newRoot, proof)).as("%d to %d", m, n).isTrue();
                for (int p = 0; p < proof.size(); p++) {
                    assertThat(Rfc9162.verifyConsistency(m, n, oldRoot, newRoot, flip(proof, p, 5))).isFalse();
                }
                if (m < n) {
                    assertThat(Rfc9162.verifyConsistency(m, n, newRoot, newRoot, proof)).isFalse();
                    assertThat(Rfc9162.verifyConsistency(m, n, oldRoot, oldRoot, proof)).isFalse();
                }
            }
        }
    }

    @Test
    void verifiesTheSumdbNoteExampleWithTheJdksEd25519() throws Exception {
        assertThat(SignedNotes.verify(PETER_NOTE, PETER_KEY)).isEqualTo(PETER_TEXT);
        String tampered = PETER_NOTE.replace("cryptography", "cryptographY");
        assertThatThrownBy(() -> SignedNotes.verify(tampered, PETER_KEY)).isInstanceOf(IllegalArgumentException.class);
        String wrongHash = PETER_KEY.replace("c74f20a3", "c74f20a4");
        assertThatThrownBy(() -> SignedNotes.verify(PETER_NOTE, wrongHash)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> flip(List<byte[]> hashes, int which, int bit) {
        List<byte[]> copy = new ArrayList<>();
        for (byte[] h : hashes) {
            copy.add(h.clone());
        }
        copy.get(which)[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
