package org.sijil.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MemoryHashStoreTest {

    @Test
    void appendReturnsConsecutiveIndexesAndGrowsSize() {
        MemoryHashStore store = new MemoryHashStore();
        assertThat(store.size()).isZero();
        assertThat(store.append(StoredHashesTest.leafHash(0))).isZero();
        assertThat(store.append(StoredHashesTest.leafHash(1))).isEqualTo(1);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void keepsHashesIntactAcrossStorageChunks() throws IOException {
        MemoryHashStore store = new MemoryHashStore();
        int leaves = 40_000; // about 80,000 stored hashes: more than two chunks
        for (int i = 0; i < leaves; i++) {
            store.append(StoredHashesTest.leafHash(i));
        }
        long[] probes = {0, 16_383, 16_384, 32_767, 32_768, 39_999};
        long[] indexes = new long[probes.length];
        for (int i = 0; i < probes.length; i++) {
            indexes[i] = StoredHashes.storedHashIndex(0, probes[i]);
        }
        byte[][] hashes = store.readHashes(indexes);
        for (int i = 0; i < probes.length; i++) {
            assertThat(hashes[i]).as("leaf %d", probes[i]).isEqualTo(StoredHashesTest.leafHash(probes[i]));
        }
    }

    @Test
    void rejectsReadsOfHashesNotYetWritten() {
        MemoryHashStore store = new MemoryHashStore();
        store.append(StoredHashesTest.leafHash(0));
        assertThatThrownBy(() -> store.readHashes(new long[] {1})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.readHashes(new long[] {-1})).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsLeafHashOfWrongLength() {
        MemoryHashStore store = new MemoryHashStore();
        assertThatThrownBy(() -> store.append(new byte[20])).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.size()).isZero();
    }
}
