package org.sijil.query.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.sijil.crypto.merkle.HashReader;
import org.sijil.crypto.merkle.Rfc6962;
import org.sijil.crypto.merkle.StoredHashes;

/**
 * Appends every stored event to the transparency log, in the order the event processor delivers
 * them. Meant for one tracking processor with a single segment, so only the node holding that
 * segment's token sequences; whoever registers it assigns it to {@link #PROCESSING_GROUP}.
 *
 * <p>The handler only collects event ids; when the processor's batch commits, their rows are read
 * in one query, hashed and inserted in one batch, in the transaction that also stores the
 * processor's token. A batch either lands whole with its token or not at all, and events already
 * in the log are skipped, so a redelivered batch never duplicates a leaf.
 */
public final class LogSequencer {

    /** Processing group, and name of the tracking processor that runs it. */
    public static final String PROCESSING_GROUP = "transparency-log";

    private static final String BATCH = LogSequencer.class.getName() + ".batch";

    private final LogStore store;

    public LogSequencer(LogStore store) {
        this.store = store;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<String> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            List<String> ids = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> append(ids));
            return ids;
        });
        batch.add(event.getIdentifier());
    }

    /**
     * Appends the events with these ids, in this order, skipping any already in the log.
     *
     * @throws IllegalStateException if an event has no stored row (the batch is then retried)
     */
    void append(List<String> eventIds) {
        Set<String> pending = new LinkedHashSet<>(eventIds);
        if (pending.isEmpty()) {
            return;
        }
        pending.removeAll(store.sequenced(pending));
        if (pending.isEmpty()) {
            return;
        }
        Map<String, LogStore.EventRow> rows = store.eventRows(pending);
        long n = store.size();
        BatchHashes hashes = new BatchHashes(store.hashes());
        List<LogStore.NewLeaf> leaves = new ArrayList<>(pending.size());
        for (String eventId : pending) {
            LogStore.EventRow row = rows.get(eventId);
            if (row == null) {
                throw new IllegalStateException("event " + eventId + " was delivered but has no stored row");
            }
            byte[] leafHash = Rfc6962.leafHash(row.entry().encode());
            try {
                hashes.record(n, StoredHashes.storedHashesForRecord(n, leafHash, hashes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log's stored hashes", e);
            }
            leaves.add(new LogStore.NewLeaf(n, row.globalIndex(), eventId, leafHash));
            n++;
        }
        store.append(leaves, hashes.written);
    }

    /**
     * Hashes written earlier in this batch (to be inserted) and hashes already read from the table
     * come from memory; only the rest is read, in one query per call.
     */
    private static final class BatchHashes implements HashReader {
        private final HashReader stored;
        private final Map<Long, byte[]> written = new HashMap<>();
        private final Map<Long, byte[]> read = new HashMap<>();

        BatchHashes(HashReader stored) {
            this.stored = stored;
        }

        void record(long leafIndex, List<byte[]> newHashes) {
            long at = StoredHashes.storedHashIndex(0, leafIndex);
            for (byte[] hash : newHashes) {
                written.put(at++, hash);
            }
        }

        @Override
        public byte[][] readHashes(long[] storageIndexes) throws IOException {
            byte[][] result = new byte[storageIndexes.length][];
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < storageIndexes.length; i++) {
                result[i] = written.get(storageIndexes[i]);
                if (result[i] == null) {
                    result[i] = read.get(storageIndexes[i]);
                }
                if (result[i] == null) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                long[] indexes = missing.stream().mapToLong(i -> storageIndexes[i]).toArray();
                byte[][] fromTable = stored.readHashes(indexes);
                for (int j = 0; j < indexes.length; j++) {
                    result[missing.get(j)] = fromTable[j];
                    read.put(indexes[j], fromTable[j]);
                }
            }
            return result;
        }
    }
}
