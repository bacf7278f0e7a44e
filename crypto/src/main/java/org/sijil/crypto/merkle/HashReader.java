package org.sijil.crypto.merkle;

import java.io.IOException;

/**
 * Reads hashes previously written at the given storage indexes (see {@link StoredHashes} for the
 * layout).
 */
@FunctionalInterface
public interface HashReader {

    /**
     * Returns the hashes stored at {@code storageIndexes}, in the same order as the indexes
     * (which are not necessarily sorted). Every index passed is one that has been written.
     *
     * @throws IOException if the storage cannot be read
     */
    byte[][] readHashes(long[] storageIndexes) throws IOException;
}
