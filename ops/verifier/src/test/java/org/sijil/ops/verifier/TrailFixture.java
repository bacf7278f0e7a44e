package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.envelope.FieldCipher;
import org.sijil.crypto.merkle.MemoryHashStore;
import org.sijil.crypto.merkle.Rfc6962;
import org.sijil.crypto.merkle.StoredHashes;
import org.sijil.crypto.note.Checkpoint;
import org.sijil.crypto.note.NoteSigner;
import org.sijil.crypto.sign.SigningKey;

/**
 * Builds a real trail in PostgreSQL without the application: event rows signed with a
 * {@link SigningKey} over their canonical entries, the log's leaves and stored hashes laid out with
 * {@link StoredHashes}, and checkpoints signed with a {@link NoteSigner} — what the application
 * and its sequencer write, reproduced from the published formats. Public, in the test jar, for the
 * verifier's benchmark ({@code ops/bench}).
 */
public final class TrailFixture implements AutoCloseable {

    static final String ORIGIN = "sijil.test/log";
    public static final String PERSON_EVENT = "org.sijil.core.api.";
    /** How many rows the verifier fetches at a time, for a baseline that reads as it reads. */
    public static final int VERIFIER_FETCH_SIZE = JdbcTrail.FETCH_SIZE;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final ObjectMapper json = new ObjectMapper();
    public final String jdbcUrl;
    public final Connection connection;
    public final NoteSigner logSigner = NoteSigner.generate(ORIGIN, RANDOM);
    final byte[] masterKey = FieldCipher.newDataKey(RANDOM);
    public SigningKey signingKey = SigningKey.generate(RANDOM);

    private final MemoryHashStore tree = new MemoryHashStore();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<UUID, byte[]> dataKeys = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private long nextGlobalIndex = 1;
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    /** An event to store. */
    public record NewEvent(String aggregateId, String payloadType, byte[] payload, Instant timestamp) {
    }

    private record Pending(long globalIndex, String eventId, byte[] leafHash) {
    }

    private TrailFixture(String jdbcUrl) throws SQLException, IOException {
        this.jdbcUrl = jdbcUrl;
        this.connection = DriverManager.getConnection(jdbcUrl);
        try (InputStream in = TrailFixture.class.getResourceAsStream("/db/trail-schema.sql");
             Statement statement = connection.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A fresh database in {@code postgres} with the trail tables. */
    public static TrailFixture create(EmbeddedPostgres postgres) throws SQLException, IOException {
        String name = "trail" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new TrailFixture(postgres.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true");
    }

    /** Stores a generic event of aggregate {@code aggregateId} one minute after the previous one. */
    String append(String aggregateId, String payloadType, String payloadJson) throws SQLException {
        clock = clock.plusSeconds(60);
        return append(new NewEvent(aggregateId, payloadType, payloadJson.getBytes(StandardCharsets.UTF_8), clock));
    }

    String append(NewEvent event) throws SQLException {
        return appendAll(List.of(event)).get(0);
    }

    /** Stores the events in one batch, signing them on every core; returns their event ids. */
    public List<String> appendAll(List<NewEvent> events) throws SQLException {
        SigningKey key = signingKey;
        List<SignedEntry> entries = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
            String metadata = "{\"signingKeyId\":\"" + key.keyId() + "\",\"traceId\":\"t" + nextGlobalIndex + "\"}";
            entries.add(new SignedEntry(UUID.randomUUID().toString(), "Person", event.aggregateId(), sequence,
                    event.payloadType(), "1", event.timestamp().toString(), event.payload(),
                    metadata.getBytes(StandardCharsets.UTF_8), key.keyId()));
        }
        byte[][] bytes = new byte[entries.size()][];
        byte[][] signatures = new byte[entries.size()][];
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            bytes[i] = entries.get(i).encode();
            signatures[i] = key.sign(bytes[i]);
        });
        List<String> ids = new ArrayList<>(entries.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (globalindex, "
                + "eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, "
                + "payload, metadata, signature, signingkeyid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < entries.size(); i++) {
                SignedEntry entry = entries.get(i);
                long globalIndex = nextGlobalIndex++;
                insert.setLong(1, globalIndex);
                insert.setString(2, entry.eventId());
                insert.setString(3, entry.aggregateId());
                insert.setLong(4, entry.sequenceNumber());
                insert.setString(5, entry.aggregateType());
                insert.setString(6, entry.timestamp());
                insert.setString(7, entry.payloadType());
                insert.setString(8, entry.payloadRevision());
                insert.setBytes(9, entry.payload());
                insert.setBytes(10, entry.metadata());
                insert.setBytes(11, signatures[i]);
                insert.setString(12, entry.keyId());
                insert.addBatch();
                pending.add(new Pending(globalIndex, entry.eventId(), Rfc6962.leafHash(bytes[i])));
                ids.add(entry.eventId());
            }
            insert.executeBatch();
        }
        return ids;
    }

    /** Appends every stored event not yet logged to the log, in global-index order. */
    public void sequence() throws SQLException {
        sequenceExcept(null);
    }

    /** As {@link #sequence()}, but leaves event {@code skipped} out of the log. */
    void sequenceExcept(String skipped) throws SQLException {
        try (PreparedStatement leaf = connection.prepareStatement(
                "INSERT INTO log_leaf (leaf_index, global_index, event_id, leaf_hash) VALUES (?,?,?,?)");
             PreparedStatement hash = connection.prepareStatement(
                     "INSERT INTO log_hash (storage_index, hash) VALUES (?,?)")) {
            int rows = 0;
            for (Pending event : pending) {
                if (event.eventId().equals(skipped)) {
                    continue;
                }
                long index = tree.append(event.leafHash());
                leaf.setLong(1, index);
                leaf.setLong(2, event.globalIndex());
                leaf.setString(3, event.eventId());
                leaf.setBytes(4, event.leafHash());
                leaf.addBatch();
                long first = StoredHashes.storedHashIndex(0, index);
                long end = StoredHashes.storedHashCount(index + 1);
                long[] indexes = new long[(int) (end - first)];
                for (int i = 0; i < indexes.length; i++) {
                    indexes[i] = first + i;
                }
                byte[][] hashes;
                try {
                    hashes = tree.readHashes(indexes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (int i = 0; i < indexes.length; i++) {
                    hash.setLong(1, indexes[i]);
                    hash.setBytes(2, hashes[i]);
                    hash.addBatch();
                }
                if (++rows % 2_000 == 0) {
                    leaf.executeBatch();
                    hash.executeBatch();
                }
            }
            leaf.executeBatch();
            hash.executeBatch();
        }
        pending.clear();
    }

    /** Signs and stores a checkpoint of the log as it is now. */
    public long checkpoint() throws SQLException {
        long size = tree.size();
        byte[] root;
        try {
            root = StoredHashes.treeHash(size, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        storeCheckpoint(size, root, logSigner.sign(new Checkpoint(ORIGIN, size, root).body()));
        return size;
    }

    void storeCheckpoint(long size, byte[] root, String note) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_checkpoint (tree_size, root_hash, signed_note, issued_at) VALUES (?,?,?,?)")) {
            insert.setLong(1, size);
            insert.setBytes(2, root);
            insert.setString(3, note);
            insert.setTimestamp(4, Timestamp.from(clock));
            insert.executeUpdate();
        }
    }

    public long size() {
        return tree.size();
    }

    /** Runs statements against the event store with its append-only trigger switched off. */
    void tamper(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only");
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only");
        }
    }

    /** Writes {@code keys.json} as {@code GET /api/v1/keys} publishes it; the last key is active. */
    public Path writeKeys(Path file, SigningKey... keys) throws IOException {
        ArrayNode array = json.createArrayNode();
        for (int i = 0; i < keys.length; i++) {
            array.addObject()
                    .put("keyId", keys[i].keyId())
                    .put("algorithm", "Ed25519")
                    .put("pem", keys[i].verificationKey().toSpkiPem())
                    .put("active", i == keys.length - 1);
        }
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        return file;
    }

    /** Writes the master key file as the application keeps it: one line of base64. */
    Path writeMasterKey(Path file) throws IOException {
        Files.writeString(file, Base64.getEncoder().encodeToString(masterKey) + "\n");
        return file;
    }

    /** The person's data key, created and stored wrapped (as the application does) on first use. */
    byte[] dataKey(UUID personId) throws SQLException {
        byte[] existing = dataKeys.get(personId);
        if (existing != null) {
            return existing;
        }
        byte[] key = FieldCipher.newDataKey(RANDOM);
        byte[] wrapped = FieldCipher.encrypt(masterKey, key,
                ("sijil-data-key/" + personId).getBytes(StandardCharsets.UTF_8), RANDOM);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person_data_key (person_id, wrapped_key, master_key_id, created_at) VALUES (?,?,?,?)")) {
            insert.setObject(1, personId);
            insert.setBytes(2, wrapped);
            insert.setString(3, "test");
            insert.setTimestamp(4, Timestamp.from(clock));
            insert.executeUpdate();
        }
        dataKeys.put(personId, key);
        return key;
    }

    /** Destroys a person's data key, as erasure does. */
    void destroyDataKey(UUID personId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE person_data_key SET wrapped_key = NULL, destroyed_at = now() WHERE person_id = ?")) {
            update.setObject(1, personId);
            update.executeUpdate();
        }
        dataKeys.remove(personId);
    }

    /**
     * A person event's payload JSON with the named personal fields sealed as the application seals
     * them: {@code {"enc": base64(AES-256-GCM(field JSON))}}, associated data {@code "<personId>/<field>"}.
     */
    String personPayload(UUID personId, ObjectNode payload, String... personalFields) throws SQLException {
        payload.put("personId", personId.toString());
        for (String field : personalFields) {
            JsonNode value = payload.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            byte[] sealed;
            try {
                sealed = FieldCipher.encrypt(dataKey(personId), json.writeValueAsBytes(value),
                        (personId + "/" + field).getBytes(StandardCharsets.UTF_8), RANDOM);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            payload.set(field, json.createObjectNode().put("enc", Base64.getEncoder().encodeToString(sealed)));
        }
        return payload.toString();
    }

    /** Stores a person event registered at {@code registeredAt}. */
    String appendPersonEvent(UUID personId, String simpleType, ObjectNode payload, Instant registeredAt,
                             String... personalFields) throws SQLException {
        payload.put("recordedAt", registeredAt.toString());
        String text = personPayload(personId, payload, personalFields);
        clock = registeredAt;
        return append(new NewEvent(personId.toString(), PERSON_EVENT + simpleType,
                text.getBytes(StandardCharsets.UTF_8), registeredAt));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
