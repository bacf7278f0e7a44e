package org.sijil.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoredHashesTest {

    private static final int MAX_CROSS_CHECK_SIZE = 64;

    @Test
    void storedHashIndexFollowsAppendOrder() {
        // The table in StoredHashes' Javadoc: (level, n) for storage indexes 0..14.
        int[][] order = {
            {0, 0}, {0, 1}, {1, 0}, {0, 2}, {0, 3}, {1, 1}, {2, 0}, {0, 4},
            {0, 5}, {1, 2}, {0, 6}, {0, 7}, {1, 3}, {2, 1}, {3, 0},
        };
        for (int i = 0; i < order.length; i++) {
            assertThat(StoredHashes.storedHashIndex(order[i][0], order[i][1])).as("index %d", i).isEqualTo(i);
        }
    }

    @Test
    void storedHashCountIsTwiceSizeLessOneBitsWhichIsWhatAppendWrites() throws IOException {
        MemoryHashStore store = new MemoryHashStore();
        long written = 0;
        assertThat(StoredHashes.storedHashCount(0)).isZero();
        for (long n = 0; n < 300; n++) {
            written += StoredHashes.storedHashesForRecord(n, leafHash(n), store).size();
            store.append(leafHash(n));
            assertThat(StoredHashes.storedHashCount(n + 1)).isEqualTo(written);
            assertThat(StoredHashes.storedHashIndex(0, n)).isLessThan(written);
        }
        assertThat(StoredHashes.storedHashCount(100_000_000L)).isEqualTo(200_000_000L - Long.bitCount(100_000_000L));
    }

    @Test
    void storedHashIndexRejectsCoordinatesOutsideTheLayout() {
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(62, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashIndex(0, 1L << 61)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> referenceRoots() {
        List<byte[]> roots = MerkleVectors.roots();
        return IntStream.range(0, roots.size()).mapToObj(size -> Arguments.of(size, roots.get(size)));
    }

    @ParameterizedTest(name = "tree of size {0}")
    @MethodSource("referenceRoots")
    void treeHashOfReferenceTreeMatchesPublishedRoot(int size, byte[] expected) throws IOException {
        MemoryHashStore store = referenceStore();
        assertThat(StoredHashes.treeHash(size, store)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sijil.crypto.merkle.MerkleVectors#inclusionProofs")
    void proveRecordReproducesPublishedInclusionProof(MerkleVectors.Inclusion vector) throws IOException {
        assertThat(StoredHashes.proveRecord(vector.index(), vector.size(), referenceStore()))
                .usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(vector.proof());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sijil.crypto.merkle.MerkleVectors#consistencyProofs")
    void proveTreeReproducesPublishedConsistencyProof(MerkleVectors.Consistency vector) throws IOException {
        assertThat(StoredHashes.proveTree(vector.newSize(), vector.oldSize(), referenceStore()))
                .usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(vector.proof());
    }

    @Test
    void treeHashesAndProofsAgreeWithLiteralRfcDefinitionsForEverySizeUpTo64() throws Exception {
        List<byte[]> leafHashes = new ArrayList<>();
        MemoryHashStore store = new MemoryHashStore();
        for (int i = 0; i < MAX_CROSS_CHECK_SIZE; i++) {
            leafHashes.add(leafHash(i));
            store.append(leafHashes.get(i));
        }
        NaiveMerkle naive = new NaiveMerkle(leafHashes);
        int proofsChecked = 0;
        for (int n = 1; n <= MAX_CROSS_CHECK_SIZE; n++) {
            byte[] root = StoredHashes.treeHash(n, store);
            assertThat(root).as("root of %d", n).isEqualTo(naive.root(n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = StoredHashes.proveRecord(m, n, store);
                assertThat(path).as("PATH(%d, D[%d])", m, n)
                        .usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(naive.path(m, n));
                InclusionProof.verify(m, n, leafHashes.get(m), path, root);
                proofsChecked++;
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = StoredHashes.proveTree(n, m, store);
                assertThat(proof).as("PROOF(%d, D[%d])", m, n)
                        .usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(naive.proof(m, n));
                ConsistencyProof.verify(m, n, naive.root(m), root, proof);
                proofsChecked++;
            }
        }
        assertThat(proofsChecked).isEqualTo(MAX_CROSS_CHECK_SIZE * (MAX_CROSS_CHECK_SIZE + 1));
    }

    @Test
    void proofsForAHundredMillionLeavesTakeOneReadOfLogarithmicallyManyHashes() throws IOException {
        long size = 100_000_000L;
        CountingReader reader = new CountingReader(StoredHashes.storedHashCount(size));
        int log2 = 64 - Long.numberOfLeadingZeros(size);

        StoredHashes.treeHash(size, reader);
        assertThat(reader.calls).isEqualTo(1);
        assertThat(reader.hashesRead).isLessThanOrEqualTo(log2 + 1L);

        reader.reset();
        List<byte[]> path = StoredHashes.proveRecord(12_345_678L, size, reader);
        assertThat(reader.calls).isEqualTo(1);
        assertThat(reader.hashesRead).isLessThanOrEqualTo(2L * log2);
        assertThat(path).hasSize(InclusionProof.pathLength(12_345_678L, size));

        reader.reset();
        List<byte[]> proof = StoredHashes.proveTree(size, 99_999_999L, reader);
        assertThat(reader.calls).isEqualTo(1);
        assertThat(reader.hashesRead).isLessThanOrEqualTo(2L * log2);
        assertThat(proof).hasSize(ConsistencyProof.proofLength(99_999_999L, size));
    }

    @Test
    void rejectsRequestsForProofsThatDoNotExist() {
        MemoryHashStore store = referenceStore();
        assertThatThrownBy(() -> StoredHashes.proveRecord(8, 8, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.proveRecord(-1, 8, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.proveTree(8, 0, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.proveTree(4, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashes.treeHash(-1, store)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsReaderThatReturnsTooFewHashes() {
        HashReader shortReader = indexes -> new byte[indexes.length - 1][];
        assertThatThrownBy(() -> StoredHashes.treeHash(7, shortReader)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> StoredHashes.storedHashesForRecord(3, leafHash(3), shortReader))
                .isInstanceOf(IOException.class);
    }

    @Test
    void treeHashOfSizeBeyondTheLogFails() {
        assertThatThrownBy(() -> StoredHashes.treeHash(9, referenceStore())).isInstanceOf(IOException.class);
    }

    static MemoryHashStore referenceStore() {
        MemoryHashStore store = new MemoryHashStore();
        for (byte[] leaf : MerkleVectors.leaves()) {
            store.append(Rfc6962.leafHash(leaf));
        }
        return store;
    }

    static byte[] leafHash(long i) {
        return Rfc6962.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
    }

    /** Answers any index of a log of the given size with a synthetic hash, counting the reads. */
    private static final class CountingReader implements HashReader {
        private final long storedCount;
        int calls;
        long hashesRead;

        CountingReader(long storedCount) {
            this.storedCount = storedCount;
        }

        @Override
        public byte[][] readHashes(long[] storageIndexes) throws IOException {
            calls++;
            hashesRead += storageIndexes.length;
            byte[][] result = new byte[storageIndexes.length][];
            for (int i = 0; i < storageIndexes.length; i++) {
                if (storageIndexes[i] < 0 || storageIndexes[i] >= storedCount) {
                    throw new IOException("index " + storageIndexes[i] + " not stored");
                }
                result[i] = leafHash(storageIndexes[i]);
            }
            return result;
        }

        void reset() {
            calls = 0;
            hashesRead = 0;
        }
    }
}
