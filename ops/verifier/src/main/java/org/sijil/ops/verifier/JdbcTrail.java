package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.merkle.HashReader;
import org.sijil.crypto.merkle.StoredHashes;

/**
 * The trail as stored in PostgreSQL, read in one read-only, repeatable-read transaction, so that
 * every query sees the same snapshot however long the audit runs and nothing can be written
 * through this connection. Leaves are streamed through a server-side cursor.
 *
 * <p>One connection serves the leaf stream and the occasional lookups (proofs, reordering) from
 * another thread; the driver serialises them, and both see the one snapshot.
 */
final class JdbcTrail implements Trail {

    static final int FETCH_SIZE = 2_000;

    /** The tracking processor that sequences the log (Sijil's {@code LogSequencer.PROCESSING_GROUP}). */
    static final String SEQUENCER = "transparency-log";

    private static final String LEAF_QUERY = "SELECT l.leaf_index, l.global_index, l.event_id, l.leaf_hash, "
            + "d.globalindex, d.eventidentifier, d.type, d.aggregateidentifier, d.sequencenumber, d.payloadtype, "
            + "d.payloadrevision, d.timestamp, d.payload, d.metadata, d.signingkeyid, d.signature "
            + "FROM log_leaf l LEFT JOIN domainevententry d ON d.globalindex = l.global_index "
            + "WHERE l.leaf_index >= ? ORDER BY l.leaf_index";

    private final Connection connection;
    private final String description;
    private Optional<SequencerPosition> position;
    private Long lastLoggedGlobalIndex;

    private JdbcTrail(Connection connection, String description) {
        this.connection = connection;
        this.description = description;
    }

    /**
     * Connects and starts the read-only transaction.
     *
     * @param user     the user, or null to take it from the URL
     * @param password the password, or null
     */
    static JdbcTrail open(String url, String user, String password) throws IOException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.putIfAbsent("ApplicationName", "sijil-verifier");
        // Binary transfer from the first execution: bytea arrives as raw bytes, not hex text.
        properties.putIfAbsent("prepareThreshold", "-1");
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            try {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                return new JdbcTrail(connection, stripSecrets(url));
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("cannot open a read-only transaction on " + stripSecrets(url) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long leafCount() throws IOException {
        return queryLong("SELECT count(*) FROM log_leaf");
    }

    @Override
    public List<StoredCheckpoint> checkpoints() throws IOException {
        List<StoredCheckpoint> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT tree_size, root_hash, signed_note, issued_at::text FROM log_checkpoint ORDER BY tree_size")) {
            while (rs.next()) {
                result.add(new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4)));
            }
            return result;
        } catch (SQLException e) {
            throw database("reading log_checkpoint", e);
        }
    }

    @Override
    public void readLeaves(long fromLeaf, LeafSink sink) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(LEAF_QUERY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, fromLeaf);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!sink.accept(leaf(rs))) {
                        return; // closing the result set closes the cursor; the transaction stays usable
                    }
                }
            }
        } catch (SQLException e) {
            throw database("reading log_leaf joined with domainevententry", e);
        }
    }

    private static LeafRecord leaf(ResultSet rs) throws SQLException {
        long leafIndex = rs.getLong(1);
        long globalIndex = rs.getLong(2);
        String logEventId = rs.getString(3);
        byte[] leafHash = rs.getBytes(4);
        rs.getLong(5);
        if (rs.wasNull()) {
            return new LeafRecord(leafIndex, globalIndex, logEventId, leafHash, null, null, null, null);
        }
        byte[] signature = rs.getBytes(16);
        try {
            return new LeafRecord(leafIndex, globalIndex, logEventId, leafHash, entry(rs, 6), null, signature, null);
        } catch (RuntimeException e) {
            return new LeafRecord(leafIndex, globalIndex, logEventId, leafHash, null, null, signature,
                    "event row cannot be a signed entry: " + e.getMessage());
        }
    }

    /** The signed entry of a domainevententry row whose eventidentifier is column {@code first}. */
    private static SignedEntry entry(ResultSet rs, int first) throws SQLException {
        byte[] metadata = rs.getBytes(first + 8);
        return new SignedEntry(
                rs.getString(first),
                rs.getString(first + 1),
                rs.getString(first + 2),
                rs.getLong(first + 3),
                rs.getString(first + 4),
                rs.getString(first + 5),
                rs.getString(first + 6),
                rs.getBytes(first + 7),
                metadata == null ? new byte[0] : metadata,
                rs.getString(first + 9));
    }

    @Override
    public OptionalLong leafWithHash(byte[] leafHash, long exceptLeaf) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT leaf_index FROM log_leaf WHERE leaf_hash = ? AND leaf_index <> ? ORDER BY leaf_index LIMIT 1")) {
            statement.setBytes(1, leafHash);
            statement.setLong(2, exceptLeaf);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw database("looking up a leaf hash", e);
        }
    }

    @Override
    public Optional<List<byte[]>> consistencyProof(long fromSize, long toSize) throws IOException {
        return Optional.of(StoredHashes.proveTree(toSize, fromSize, storedHashes()));
    }

    @Override
    public Optional<byte[]> storedTreeHash(long size) throws IOException {
        return Optional.of(StoredHashes.treeHash(size, storedHashes()));
    }

    private HashReader storedHashes() {
        return indexes -> {
            Long[] boxed = new Long[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                boxed[i] = indexes[i];
            }
            Map<Long, byte[]> found = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT storage_index, hash FROM log_hash WHERE storage_index = ANY (?)")) {
                Array array = connection.createArrayOf("bigint", boxed);
                statement.setArray(1, array);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), rs.getBytes(2));
                    }
                }
            } catch (SQLException e) {
                throw database("reading log_hash", e);
            }
            byte[][] hashes = new byte[indexes.length][];
            for (int i = 0; i < indexes.length; i++) {
                hashes[i] = found.get(indexes[i]);
                if (hashes[i] == null) {
                    throw new IOException("log_hash has no hash at storage index " + indexes[i]);
                }
            }
            return hashes;
        };
    }

    /**
     * Where the sequencer stands, from its tracking token in {@code tokenentry} (processor
     * {@value #SEQUENCER}, one segment) in this transaction's snapshot. The sequencer stores its
     * token in the transaction that appends its leaves, so the snapshot shows both as of one commit:
     * every row at or below {@code index} and not among {@code gaps} has been handed to it, and is
     * in the log unless the sequencer dropped it.
     *
     * @return empty if there is no such token or it is not a gap-aware token (then the strict rule applies)
     */
    Optional<SequencerPosition> sequencerPosition() throws IOException {
        if (position == null) {
            position = readSequencerPosition();
        }
        return position;
    }

    private Optional<SequencerPosition> readSequencerPosition() throws IOException {
        try {
            // to_regclass: a missing table must not abort the read-only transaction
            if (queryLong("SELECT CASE WHEN to_regclass('tokenentry') IS NULL THEN 0 ELSE 1 END") == 0) {
                return Optional.empty();
            }
            List<SequencerPosition> segments = new ArrayList<>();
            boolean leaves = queryLong("SELECT count(*) FROM (SELECT 1 FROM log_leaf LIMIT 1) l") > 0;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT tokentype, token FROM tokenentry WHERE processorname = ?")) {
                statement.setString(1, SEQUENCER);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Optional<SequencerPosition> parsed = SequencerPosition.parse(rs.getString(1), rs.getBytes(2),
                                leaves);
                        if (parsed.isEmpty()) {
                            return Optional.empty();
                        }
                        segments.add(parsed.get());
                    }
                }
            }
            return segments.size() == 1 ? Optional.of(segments.get(0)) : Optional.empty();
        } catch (SQLException e) {
            throw database("reading the sequencer's token", e);
        }
    }

    /**
     * Whether an unlogged row is in flight (not yet reached by the sequencer) rather than a hole; see
     * {@link #coverage()} for the rule.
     */
    boolean inFlight(long globalIndex) throws IOException {
        Optional<SequencerPosition> sequencer = sequencerPosition();
        if (sequencer.isPresent()) {
            return !sequencer.get().passed(globalIndex);
        }
        if (lastLoggedGlobalIndex == null) {
            lastLoggedGlobalIndex = queryLong("SELECT coalesce(max(global_index), -1) FROM log_leaf");
        }
        return globalIndex > lastLoggedGlobalIndex;
    }

    /**
     * Event rows against leaves. An event row no leaf points at is a <em>hole</em> if the sequencer
     * has passed it (its global index is at most the token's index and not one of the token's
     * gaps): the sequencer either saw it and failed to log it, or gave up waiting for it. Any other
     * unlogged row is in flight — written after the sequencer's last batch, or committed late by a
     * long transaction below rows already logged — and is counted, not reported. Without a usable
     * token the strict rule applies: any unlogged row below the global index of a logged row is a
     * hole (which a live database with long transactions can trip over).
     */
    @Override
    public Coverage coverage() throws IOException {
        long rows = queryLong("SELECT count(*) FROM domainevententry");
        long logged = queryLong("SELECT count(*) FROM log_leaf l JOIN domainevententry d ON d.globalindex = l.global_index");
        Optional<SequencerPosition> sequencer = sequencerPosition();
        long passedUpTo;
        Long[] gaps;
        if (sequencer.isPresent()) {
            passedUpTo = sequencer.get().index();
            gaps = sequencer.get().gaps().toArray(Long[]::new);
        } else {
            passedUpTo = queryLong("SELECT coalesce(max(global_index), -1) FROM log_leaf");
            gaps = new Long[0];
        }
        long holes;
        Optional<Unlogged> hole = Optional.empty();
        String unloggedPassed = " FROM domainevententry d WHERE d.globalindex <= ? AND d.globalindex <> ALL (?) "
                + "AND NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.global_index = d.globalindex)";
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*)" + unloggedPassed);
             PreparedStatement first = connection.prepareStatement(
                     "SELECT d.globalindex, d.eventidentifier" + unloggedPassed + " ORDER BY d.globalindex LIMIT 1")) {
            Array gapArray = connection.createArrayOf("bigint", gaps);
            count.setLong(1, passedUpTo);
            count.setArray(2, gapArray);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                holes = rs.getLong(1);
            }
            first.setLong(1, passedUpTo);
            first.setArray(2, gapArray);
            try (ResultSet rs = first.executeQuery()) {
                if (rs.next()) {
                    hole = Optional.of(new Unlogged(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw database("checking that every event row is logged", e);
        }
        return new Coverage(rows, logged, rows - logged - holes, hole, sequencer.isPresent());
    }

    /**
     * The sequencer's tracking token: every global index up to {@code index} except {@code gaps}
     * has been delivered to it.
     */
    record SequencerPosition(long index, java.util.SortedSet<Long> gaps) {

        private static final ObjectMapper JSON = new ObjectMapper();

        boolean passed(long globalIndex) {
            return globalIndex <= index && !gaps.contains(globalIndex);
        }

        /**
         * Reads Axon's {@code GapAwareTrackingToken} as its JSON serializer stores it
         * ({@code {"index":N,"gaps":[...]}}); a null token before any leaf means nothing was passed.
         */
        static Optional<SequencerPosition> parse(String type, byte[] token, boolean logHasLeaves) {
            if (token == null) {
                return logHasLeaves ? Optional.empty() : Optional.of(new SequencerPosition(-1, new java.util.TreeSet<>()));
            }
            if (type == null || !type.endsWith(".GapAwareTrackingToken")) {
                return Optional.empty();
            }
            try {
                JsonNode node = JSON.readTree(token);
                if (node == null || !node.path("index").canConvertToLong()) {
                    return Optional.empty();
                }
                java.util.SortedSet<Long> gaps = new java.util.TreeSet<>();
                for (JsonNode gap : node.path("gaps")) {
                    gaps.add(gap.asLong());
                }
                return Optional.of(new SequencerPosition(node.get("index").asLong(), gaps));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public List<StoredEvent> eventsOf(String aggregateId) throws IOException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT d.globalindex, d.eventidentifier, d.type, d.aggregateidentifier, d.sequencenumber, "
                        + "d.payloadtype, d.payloadrevision, d.timestamp, d.payload, d.metadata, d.signingkeyid, "
                        + "d.signature, coalesce(l.leaf_index, -1) FROM domainevententry d "
                        + "LEFT JOIN log_leaf l ON l.global_index = d.globalindex "
                        + "WHERE d.aggregateidentifier = ? ORDER BY d.sequencenumber")) {
            statement.setString(1, aggregateId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getLong(1), entry(rs, 2), rs.getBytes(12), rs.getLong(13)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw database("reading the events of " + aggregateId, e);
        } catch (RuntimeException e) {
            throw new IOException("an event row of " + aggregateId + " cannot be a signed entry: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<DataKeyRow> dataKey(UUID personId) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT wrapped_key FROM person_data_key WHERE person_id = ?")) {
            statement.setObject(1, personId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new DataKeyRow(personId, rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw database("reading person_data_key", e);
        }
    }

    /**
     * The access events and {@code access_history} rows joined on the event id both ways. A missing
     * {@code access_history} table reads as an empty one, so every access event is then reported
     * without its row.
     */
    @Override
    public boolean readAccessHistory(AccessSink sink) throws IOException {
        String history = queryLong("SELECT CASE WHEN to_regclass('access_history') IS NULL THEN 0 ELSE 1 END") == 0
                ? "(SELECT NULL::varchar AS event_id, NULL::uuid AS access_id, NULL::uuid AS person_id, "
                        + "NULL::varchar AS subject, NULL::varchar AS organisation, NULL::varchar AS role, "
                        + "NULL::varchar AS purpose, NULL::varchar AS basis_kind, NULL::varchar AS basis_id, "
                        + "NULL::text[] AS categories, NULL::varchar AS outcome, NULL::varchar AS reason, "
                        + "NULL::timestamptz AS recorded_at WHERE false)"
                : "access_history";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT d.globalindex, d.eventidentifier, d.type, d.aggregateidentifier, d.sequencenumber, "
                        + "d.payloadtype, d.payloadrevision, d.timestamp, d.payload, d.metadata, d.signingkeyid, "
                        + "d.signature, coalesce(l.leaf_index, -1), h.event_id, h.access_id::text, "
                        + "h.person_id::text, h.subject, h.organisation, h.role, h.purpose, h.basis_kind, h.basis_id, "
                        + "h.categories, h.outcome, h.reason, h.recorded_at "
                        + "FROM (SELECT * FROM domainevententry WHERE type = ?) d "
                        + "FULL JOIN " + history + " h ON h.event_id = d.eventidentifier "
                        + "LEFT JOIN log_leaf l ON l.global_index = d.globalindex "
                        + "ORDER BY d.globalindex NULLS LAST, h.event_id")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, ACCESS_TYPE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    StoredEvent event = rs.wasNull() ? null
                            : new StoredEvent(rs.getLong(1), entry(rs, 2), rs.getBytes(12), rs.getLong(13));
                    AccessRow row = rs.getString(14) == null ? null : accessRow(rs, 14);
                    if (!sink.accept(event, row)) {
                        break;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw database("reading access_history joined with the access events", e);
        } catch (RuntimeException e) {
            throw new IOException("an access event row cannot be a signed entry: " + e.getMessage(), e);
        }
    }

    private static AccessRow accessRow(ResultSet rs, int first) throws SQLException {
        Array categories = rs.getArray(first + 9);
        OffsetDateTime recordedAt = rs.getObject(first + 12, OffsetDateTime.class);
        return new AccessRow(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getString(first + 7), rs.getString(first + 8),
                categories == null ? null : Arrays.asList((String[]) categories.getArray()),
                rs.getString(first + 10), rs.getString(first + 11),
                recordedAt == null ? null : recordedAt.toInstant());
    }

    /** Streams every data key row, for export. */
    void forEachDataKey(DataKeySink sink) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT person_id, wrapped_key FROM person_data_key ORDER BY person_id")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new DataKeyRow(rs.getObject(1, UUID.class), rs.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw database("reading person_data_key", e);
        }
    }

    /** Streams the event rows no leaf points at, by global index, for export. */
    void forEachUnlogged(UnloggedSink sink) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT d.globalindex, d.eventidentifier, d.type, d.aggregateidentifier, d.sequencenumber, "
                        + "d.payloadtype, d.payloadrevision, d.timestamp, d.payload, d.metadata, d.signingkeyid, "
                        + "d.signature FROM domainevententry d WHERE NOT EXISTS "
                        + "(SELECT 1 FROM log_leaf l WHERE l.global_index = d.globalindex) ORDER BY d.globalindex")) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new StoredEvent(rs.getLong(1), entry(rs, 2), rs.getBytes(12), -1));
                }
            }
        } catch (SQLException e) {
            throw database("reading unlogged event rows", e);
        }
    }

    @FunctionalInterface
    interface DataKeySink {
        void accept(DataKeyRow row) throws IOException;
    }

    @FunctionalInterface
    interface UnloggedSink {
        void accept(StoredEvent event) throws IOException;
    }

    private long queryLong(String sql) throws IOException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw database(sql, e);
        }
    }

    private static IOException database(String what, SQLException e) {
        return new IOException("database error " + what + ": " + e.getMessage(), e);
    }

    /** The URL without query parameters, which may carry a password. */
    private static String stripSecrets(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw database("closing", e);
        }
    }
}
