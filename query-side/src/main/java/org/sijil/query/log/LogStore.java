package org.sijil.query.log;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.merkle.HashReader;
import org.sijil.store.read.StoredRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log's tables ({@code log_leaf}, {@code log_hash}, {@code log_checkpoint}) and the event rows
 * its leaves are rebuilt from. Every method runs in the caller's transaction, if there is one.
 */
public final class LogStore {

    private static final String EVENT_COLUMNS = StoredRows.columns("e.");

    /** Key of the transaction-scoped advisory lock held by whoever issues a checkpoint ("sjlchk"). */
    static final long CHECKPOINT_LOCK = 0x736a6c63686bL;

    private final JdbcTemplate jdbc;

    public LogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event row as stored: its global index and the signed entry rebuilt from its columns. */
    record EventRow(long globalIndex, SignedEntry entry) {
    }

    /** A leaf about to be appended. */
    record NewLeaf(long index, long globalIndex, String eventId, byte[] leafHash) {
    }

    /** Number of leaves in the log: one past the highest leaf index. */
    public long size() {
        Long next = jdbc.queryForObject("SELECT COALESCE(max(leaf_index) + 1, 0) FROM log_leaf", Long.class);
        return next == null ? 0 : next;
    }

    /**
     * Reads stored hashes with a single {@code SELECT ... WHERE storage_index = ANY(?)}, whatever
     * the number of indexes asked for.
     */
    public HashReader hashes() {
        return this::readHashes;
    }

    byte[][] readHashes(long[] storageIndexes) throws IOException {
        if (storageIndexes.length == 0) {
            return new byte[0][];
        }
        Long[] boxed = new Long[storageIndexes.length];
        for (int i = 0; i < storageIndexes.length; i++) {
            boxed[i] = storageIndexes[i];
        }
        Map<Long, byte[]> found = new HashMap<>();
        jdbc.query(connection -> withArray(connection,
                        "SELECT storage_index, hash FROM log_hash WHERE storage_index = ANY(?)", "bigint", boxed),
                (ResultSet rs) -> {
                    found.put(rs.getLong(1), rs.getBytes(2));
                });
        byte[][] hashes = new byte[storageIndexes.length][];
        for (int i = 0; i < storageIndexes.length; i++) {
            hashes[i] = found.get(storageIndexes[i]);
            if (hashes[i] == null) {
                throw new IOException("the log has no stored hash at index " + storageIndexes[i]);
            }
        }
        return hashes;
    }

    /** Which of {@code eventIds} already have a leaf. */
    Set<String> sequenced(Collection<String> eventIds) {
        Set<String> done = new HashSet<>();
        jdbc.query(connection -> withArray(connection, "SELECT event_id FROM log_leaf WHERE event_id = ANY(?)",
                "varchar", eventIds.toArray(String[]::new)), (ResultSet rs) -> {
                    done.add(rs.getString(1));
                });
        return done;
    }

    /** The stored rows of {@code eventIds}, by event id, read in one query. */
    Map<String, EventRow> eventRows(Collection<String> eventIds) {
        Map<String, EventRow> rows = new HashMap<>();
        jdbc.query(connection -> withArray(connection, "SELECT " + EVENT_COLUMNS
                + " FROM " + StoredRows.TABLE + " e WHERE e.eventidentifier = ANY(?)", "varchar",
                eventIds.toArray(String[]::new)), (ResultSet rs) -> {
                    EventRow row = new EventRow(rs.getLong("globalindex"), StoredRows.entry(rs));
                    rows.put(row.entry().eventId(), row);
                });
        return rows;
    }

    /** Inserts leaves and the stored hashes they complete, each table in one batch. */
    void append(List<NewLeaf> leaves, Map<Long, byte[]> newHashes) {
        jdbc.batchUpdate("INSERT INTO log_leaf (leaf_index, global_index, event_id, leaf_hash) VALUES (?, ?, ?, ?)",
                leaves.stream().map(l -> new Object[] {l.index(), l.globalIndex(), l.eventId(), l.leafHash()})
                        .toList());
        List<Object[]> hashRows = new ArrayList<>(newHashes.size());
        newHashes.forEach((index, hash) -> hashRows.add(new Object[] {index, hash}));
        jdbc.batchUpdate("INSERT INTO log_hash (storage_index, hash) VALUES (?, ?)", hashRows);
    }

    /** Takes the checkpoint issuer's lock for the current transaction; false if another holds it. */
    boolean tryCheckpointLock() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                CHECKPOINT_LOCK));
    }

    /** The checkpoint of the largest tree issued so far. */
    public Optional<IssuedCheckpoint> latestCheckpoint() {
        return jdbc.query("SELECT tree_size, root_hash, signed_note, issued_at FROM log_checkpoint "
                + "ORDER BY tree_size DESC LIMIT 1", LogStore::checkpoint).stream().findFirst();
    }

    /** Every checkpoint issued, smallest tree first. */
    public List<IssuedCheckpoint> checkpoints() {
        return jdbc.query("SELECT tree_size, root_hash, signed_note, issued_at FROM log_checkpoint "
                + "ORDER BY tree_size", LogStore::checkpoint);
    }

    void insertCheckpoint(IssuedCheckpoint checkpoint) {
        jdbc.update("INSERT INTO log_checkpoint (tree_size, root_hash, signed_note, issued_at) VALUES (?, ?, ?, ?)",
                checkpoint.size(), checkpoint.rootHash(), checkpoint.signedNote(),
                Timestamp.from(checkpoint.issuedAt()));
    }

    /** Where an event sits in the log, if it has been sequenced. */
    public Optional<LeafPosition> position(String eventId) {
        return jdbc.query("SELECT event_id, leaf_index, leaf_hash FROM log_leaf WHERE event_id = ?",
                (rs, n) -> new LeafPosition(rs.getString(1), rs.getLong(2), rs.getBytes(3)), eventId)
                .stream().findFirst();
    }

    /**
     * The leaves with index in {@code [start, end)}, in index order, their bytes rebuilt from the
     * event rows. A leaf whose row is missing is left out, so a reader sees the gap in the indexes.
     */
    public List<LogLeaf> leaves(long start, long end) {
        return jdbc.query("SELECT l.leaf_index, " + EVENT_COLUMNS + " FROM log_leaf l "
                        + "JOIN " + StoredRows.TABLE + " e ON e.eventidentifier = l.event_id "
                        + "WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index",
                (rs, n) -> {
                    SignedEntry entry = StoredRows.entry(rs);
                    return new LogLeaf(rs.getLong("leaf_index"), entry.eventId(), entry.encode());
                }, start, end);
    }

    private static PreparedStatement withArray(Connection connection, String sql, String type, Object[] values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Array array = connection.createArrayOf(type, values);
        statement.setArray(1, array);
        return statement;
    }

    private static IssuedCheckpoint checkpoint(ResultSet rs, int rowNum) throws SQLException {
        return new IssuedCheckpoint(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("signed_note"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
