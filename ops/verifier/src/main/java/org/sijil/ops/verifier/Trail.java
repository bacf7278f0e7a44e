package org.sijil.ops.verifier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.sijil.crypto.entry.SignedEntry;

/**
 * Where a trail is read from: the live database ({@link JdbcTrail}) or an exported bundle
 * ({@link BundleTrail}). Both hand over exactly what is stored; every judgement is the verifier's.
 */
interface Trail extends AutoCloseable {

    /** Says where the trail comes from, for the summary (never a password). */
    String description();

    /** The number of leaves in the log. */
    long leafCount() throws IOException;

    /** Every stored checkpoint, by increasing tree size. */
    List<StoredCheckpoint> checkpoints() throws IOException;

    /**
     * Streams the leaves from {@code fromLeaf} on, in leaf order, each with its event row, holding
     * only a bounded number in memory.
     *
     * @param sink receives each leaf; returning false stops the stream
     */
    void readLeaves(long fromLeaf, LeafSink sink) throws IOException;

    /** Another leaf whose stored leaf hash is {@code leafHash}, if any: evidence of reordering. */
    OptionalLong leafWithHash(byte[] leafHash, long exceptLeaf) throws IOException;

    /**
     * The log's own consistency proof from {@code fromSize} to {@code toSize}
     * ({@code 1 <= fromSize <= toSize}), as the server would serve it.
     *
     * @return empty if this trail carries no such proof
     * @throws IOException if the trail should have the proof but cannot produce it
     */
    Optional<List<byte[]>> consistencyProof(long fromSize, long toSize) throws IOException;

    /**
     * The root of the first {@code size} leaves as the server's stored hashes give it.
     *
     * @return empty if this trail has no stored hashes
     */
    Optional<byte[]> storedTreeHash(long size) throws IOException;

    /** How the event rows relate to the log's leaves. */
    Coverage coverage() throws IOException;

    /** Every stored event of one aggregate, by sequence number. */
    List<StoredEvent> eventsOf(String aggregateId) throws IOException;

    /** The wrapped data key row of a person, if the trail has one. */
    Optional<DataKeyRow> dataKey(UUID personId) throws IOException;

    @Override
    void close() throws IOException;

    /** Receives streamed leaves. */
    @FunctionalInterface
    interface LeafSink {
        /** @return false to stop the stream */
        boolean accept(LeafRecord leaf) throws IOException;
    }

    /**
     * A signed checkpoint as stored.
     *
     * @param treeSize   the stored tree size column
     * @param rootHash   the stored root hash column
     * @param signedNote the signed note text
     * @param issuedAt   when it was issued, as text
     */
    record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote, String issuedAt) {
    }

    /**
     * One log leaf and what its event row holds.
     *
     * @param leafIndex      the leaf's index
     * @param globalIndex    the event row the leaf points at
     * @param logEventId     the event id the log recorded for the leaf
     * @param storedLeafHash the leaf hash the log stored
     * @param entry          the row as a signed entry (database), or null
     * @param entryBytes     the signed entry bytes (bundle), or null
     * @param signature      the stored signature, or null if the row is missing
     * @param rowProblem     why the row could not be read as an entry, or null; both
     *                       {@code entry} and {@code entryBytes} null and no problem means the
     *                       row is missing
     */
    record LeafRecord(long leafIndex, long globalIndex, String logEventId, byte[] storedLeafHash,
                      SignedEntry entry, byte[] entryBytes, byte[] signature, String rowProblem) {

        boolean rowMissing() {
            return entry == null && entryBytes == null && rowProblem == null;
        }
    }

    /**
     * Event rows against log leaves.
     *
     * @param eventRows      event rows stored
     * @param logged         event rows some leaf points at
     * @param pending        unlogged rows the sequencer has not reached yet (in flight): normal
     * @param firstHole      the first unlogged row the sequencer has already passed, if any
     * @param sequencerKnown true if the sequencer's position was known and the rule of
     *                       {@code docs/trail-bundle.md} ("Holes") applied; false if the stricter
     *                       fallback judged instead (any unlogged row below the global index of a
     *                       logged row is a hole)
     */
    record Coverage(long eventRows, long logged, long pending, Optional<Unlogged> firstHole, boolean sequencerKnown) {
    }

    /** An event row that no leaf points at. */
    record Unlogged(long globalIndex, String eventId) {
    }

    /**
     * A stored event with its signature.
     *
     * @param globalIndex its global index
     * @param entry       the signed entry
     * @param signature   its stored signature
     * @param leafIndex   its leaf, or -1 if not logged
     */
    record StoredEvent(long globalIndex, SignedEntry entry, byte[] signature, long leafIndex) {
    }

    /**
     * A person's data key as stored.
     *
     * @param wrappedKey the key wrapped by the master key, or null if destroyed (erased)
     */
    record DataKeyRow(UUID personId, byte[] wrappedKey) {
    }
}
