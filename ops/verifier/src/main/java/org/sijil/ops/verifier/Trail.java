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

    /**
     * Streams every stored access event (aggregate type {@value #ACCESS_TYPE}) paired with its
     * {@code access_history} row by event id, and every row that no access event has, events by
     * global index first, then unpaired rows by event id.
     *
     * @param sink receives each pair; returning false stops the stream
     * @return false if this trail carries no access history (a bundle), so nothing was streamed
     */
    boolean readAccessHistory(AccessSink sink) throws IOException;

    /** The aggregate type of access events' rows ({@code Access.AGGREGATE_TYPE} in the application). */
    String ACCESS_TYPE = "Access";

    /** Receives access events with their rows. */
    @FunctionalInterface
    interface AccessSink {
        /**
         * @param event the stored access event, or null for a row no access event has
         * @param row   its {@code access_history} row, or null for an event with no row
         * @return false to stop the stream
         */
        boolean accept(StoredEvent event, AccessRow row) throws IOException;
    }

    /**
     * An {@code access_history} row as stored: the citizen's list of who read their data.
     *
     * @param eventId    the access event the row says it lists
     * @param categories the data categories read, as stored
     */
    record AccessRow(String eventId, String accessId, String personId, String subject, String organisation,
                     String role, String purpose, String basisKind, String basisId, List<String> categories,
                     String outcome, String reason, java.time.Instant recordedAt) {
    }

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
