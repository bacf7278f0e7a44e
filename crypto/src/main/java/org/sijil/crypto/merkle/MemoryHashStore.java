package org.sijil.crypto.merkle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A log's stored hashes (see {@link StoredHashes}) held in memory, in fixed-size chunks so that
 * growth never copies what is already stored. Meant for tests, tools and benchmarks; a server keeps
 * the same layout in its database. Safe for concurrent use.
 */
public final class MemoryHashStore implements HashReader {

    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int CHUNK_BYTES = CHUNK_HASHES * Rfc6962.HASH_SIZE;

    private final List<byte[]> chunks = new ArrayList<>();
    private long storedCount;
    private long size;

    /**
     * Appends a leaf and the subtree hashes it completes.
     *
     * @param leafHash {@link Rfc6962#leafHash} of the new leaf, {@value Rfc6962#HASH_SIZE} bytes
     * @return the 0-based index of the new leaf
     */
    public synchronized long append(byte[] leafHash) {
        List<byte[]> hashes;
        try {
            hashes = StoredHashes.storedHashesForRecord(size, leafHash, this::readHashesUnlocked);
        } catch (IOException e) {
            // Reads from memory fail only if the layout arithmetic is wrong.
            throw new UncheckedIOException(e);
        }
        for (byte[] hash : hashes) {
            write(storedCount++, hash);
        }
        return size++;
    }

    /** Returns the number of leaves. */
    public synchronized long size() {
        return size;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException if an index has not been written
     */
    @Override
    public synchronized byte[][] readHashes(long[] storageIndexes) throws IOException {
        return readHashesUnlocked(storageIndexes);
    }

    private byte[][] readHashesUnlocked(long[] storageIndexes) throws IOException {
        byte[][] result = new byte[storageIndexes.length][];
        for (int i = 0; i < storageIndexes.length; i++) {
            long index = storageIndexes[i];
            if (index < 0 || index >= storedCount) {
                throw new IOException("no hash stored at index " + index + " (have " + storedCount + ")");
            }
            byte[] chunk = chunks.get((int) (index >>> CHUNK_BITS));
            int offset = (int) (index & (CHUNK_HASHES - 1)) * Rfc6962.HASH_SIZE;
            byte[] hash = new byte[Rfc6962.HASH_SIZE];
            System.arraycopy(chunk, offset, hash, 0, Rfc6962.HASH_SIZE);
            result[i] = hash;
        }
        return result;
    }

    private void write(long index, byte[] hash) {
        int chunkIndex = (int) (index >>> CHUNK_BITS);
        if (chunkIndex == chunks.size()) {
            chunks.add(new byte[CHUNK_BYTES]);
        }
        int offset = (int) (index & (CHUNK_HASHES - 1)) * Rfc6962.HASH_SIZE;
        System.arraycopy(hash, 0, chunks.get(chunkIndex), offset, Rfc6962.HASH_SIZE);
    }
}
