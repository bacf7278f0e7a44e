package org.sijil.query.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.sijil.crypto.merkle.StoredHashes;
import org.sijil.crypto.note.Checkpoint;
import org.sijil.crypto.note.NoteSigner;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a signed checkpoint whenever the log has grown since the last one, and keeps every one.
 * Several nodes may run it: a transaction-scoped advisory lock lets one of them issue at a time, so
 * two checkpoints of the same size are never signed.
 */
public final class CheckpointIssuer {

    private final LogStore store;
    private final TransactionTemplate transaction;
    private final NoteSigner signer;
    private final String origin;
    private final Clock clock;

    /**
     * @param origin the log's origin, the first line of every checkpoint
     * @param signer the checkpoint key; by convention its name is the origin
     */
    public CheckpointIssuer(LogStore store, TransactionTemplate transaction, NoteSigner signer, String origin,
                            Clock clock) {
        this.store = store;
        this.transaction = transaction;
        this.signer = signer;
        this.origin = origin;
        this.clock = clock;
        new Checkpoint(origin, 0, new byte[32]); // rejects an origin a checkpoint cannot carry
    }

    /**
     * Signs and stores a checkpoint of the whole log if it is larger than the latest checkpoint.
     *
     * @return the new checkpoint, or empty if the log has not grown or another node is issuing
     */
    public Optional<IssuedCheckpoint> issueIfGrown() {
        Optional<IssuedCheckpoint> issued = transaction.execute(status -> {
            if (!store.tryCheckpointLock()) {
                return Optional.empty();
            }
            long size = store.size();
            long latest = store.latestCheckpoint().map(IssuedCheckpoint::size).orElse(0L);
            if (size <= latest) {
                return Optional.empty();
            }
            byte[] root;
            try {
                root = StoredHashes.treeHash(size, store.hashes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log's stored hashes", e);
            }
            String note = signer.sign(new Checkpoint(origin, size, root).body());
            IssuedCheckpoint checkpoint = new IssuedCheckpoint(size, root, note, clock.instant());
            store.insertCheckpoint(checkpoint);
            return Optional.of(checkpoint);
        });
        return issued == null ? Optional.empty() : issued;
    }
}
