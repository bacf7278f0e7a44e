package org.sijil.query.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.sijil.crypto.merkle.HashReader;
import org.sijil.crypto.merkle.StoredHashes;

/**
 * Proofs and leaves, served against checkpoints already issued: a size is accepted only if it is
 * no larger than the latest checkpoint's, so every hash a proof needs is stored and every root it
 * proves against has been signed. Each proof is one read of O(log n) stored hashes.
 */
public final class LogProofs {

    private final LogStore store;
    /** Largest checkpoint size seen; checkpoints only grow, so a size up to this needs no query. */
    private final AtomicLong checkpointSize = new AtomicLong();

    public LogProofs(LogStore store) {
        this.store = store;
    }

    /** The latest checkpoint. */
    public Optional<IssuedCheckpoint> latestCheckpoint() {
        Optional<IssuedCheckpoint> latest = store.latestCheckpoint();
        latest.ifPresent(c -> checkpointSize.accumulateAndGet(c.size(), Math::max));
        return latest;
    }

    /**
     * Whether {@code size} is at most the size of the latest checkpoint (asks the database only
     * when the size is beyond the largest one seen so far).
     */
    public boolean isCheckpointed(long size) {
        if (size <= checkpointSize.get()) {
            return true;
        }
        return latestCheckpoint().map(c -> size <= c.size()).orElse(false);
    }

    /** The largest checkpointed size known (0 before the first checkpoint). */
    public long checkpointedSize() {
        return Math.max(checkpointSize.get(), latestCheckpoint().map(IssuedCheckpoint::size).orElse(0L));
    }

    /**
     * The RFC 9162 inclusion proof of leaf {@code index} in the tree of {@code size}, with the
     * leaf's hash, read in one query.
     *
     * @param index {@code 0 <= index < size}
     * @param size  a checkpointed size (see {@link #isCheckpointed})
     */
    public Inclusion inclusion(long index, long size) {
        long leafAt = StoredHashes.storedHashIndex(0, index);
        byte[][] leaf = new byte[1][];
        // One query: ask for the leaf hash along with whatever the proof needs.
        HashReader withLeaf = indexes -> {
            long[] all = Arrays.copyOf(indexes, indexes.length + 1);
            all[indexes.length] = leafAt;
            byte[][] hashes = store.readHashes(all);
            leaf[0] = hashes[indexes.length];
            return Arrays.copyOf(hashes, indexes.length);
        };
        try {
            List<byte[]> proof = StoredHashes.proveRecord(index, size, withLeaf);
            if (leaf[0] == null) { // a proof with no elements (a tree of one leaf) read nothing
                leaf[0] = store.readHashes(new long[] {leafAt})[0];
            }
            return new Inclusion(index, size, leaf[0], proof);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log's stored hashes", e);
        }
    }

    /**
     * The RFC 9162 consistency proof from the tree of {@code from} to the tree of {@code to}.
     *
     * @param from {@code 1 <= from <= to}
     * @param to   a checkpointed size
     */
    public List<byte[]> consistency(long from, long to) {
        try {
            return StoredHashes.proveTree(to, from, store.hashes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log's stored hashes", e);
        }
    }

    /** Leaves {@code [start, end)}, see {@link LogStore#leaves}. */
    public List<LogLeaf> leaves(long start, long end) {
        return store.leaves(start, end);
    }

    /** Where an event sits in the log, if it has been sequenced yet. */
    public Optional<LeafPosition> position(String eventId) {
        return store.position(eventId);
    }

    /** An inclusion proof with the hash of the leaf it proves. */
    public record Inclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
    }
}
