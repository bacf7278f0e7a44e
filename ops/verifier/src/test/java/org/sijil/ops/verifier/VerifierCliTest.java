package org.sijil.ops.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.note.Checkpoint;
import org.sijil.crypto.sign.SigningKey;
import org.sijil.ops.verifier.fixture.TrailFixture;

/**
 * The verifier against real trails in a real PostgreSQL, built by {@link TrailFixture}: a clean
 * trail verifies, and each kind of tampering fails naming the entry.
 */
class VerifierCliTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    private TrailFixture trail;
    private final List<String> events = new ArrayList<>();
    private Path keys;
    private String out;
    private String err;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /** Ten events over three aggregates, logged, with checkpoints at sizes 4 and 10. */
    @BeforeEach
    void buildTrail() throws Exception {
        trail = TrailFixture.create(postgres);
        appendEvents(4);
        trail.sequence();
        trail.checkpoint();
        appendEvents(6);
        trail.sequence();
        trail.checkpoint();
        keys = trail.writeKeys(dir.resolve("keys.json"), trail.signingKey);
    }

    private void appendEvents(int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            int n = events.size();
            events.add(trail.append("aggregate-" + (n % 3), "org.sijil.test.Ping", "{\"n\":" + n + "}"));
        }
    }

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new VerifierCli(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private int verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--jdbc-url", trail.jdbcUrl, "--keys", keys.toString(),
                "--log-key", trail.logSigner.verifierKey(), "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private String failLine(long leaf) {
        return "FAIL leaf " + leaf + " event " + events.get((int) leaf) + ": ";
    }

    @Test
    void cleanTrailVerifies() {
        assertThat(verify()).as(out + err).isZero();
        assertThat(out).startsWith("OK trail verified: 10 events in 10 leaves, 2 checkpoints (last at size 10)");
        assertThat(out).contains(trail.signingKey.keyId() + " (10 events)");
        assertThat(out).contains("event rows:  10 (10 logged, 0 ");
    }

    @Test
    void changedPayloadByteFailsAtItsLeaf() throws Exception {
        trail.tamper("UPDATE domainevententry SET payload = set_byte(payload, 6, get_byte(payload, 6) # 1) "
                + "WHERE eventidentifier = '" + events.get(6) + "'");
        assertThat(verify()).as(out + err).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(6) + "payload/metadata changed (leaf hash mismatch");
    }

    @Test
    void changedMetadataFailsAtItsLeaf() throws Exception {
        trail.tamper("UPDATE domainevententry SET metadata = convert_to('{}', 'UTF8') "
                + "WHERE eventidentifier = '" + events.get(2) + "'");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(2) + "payload/metadata changed");
    }

    @Test
    void deletedEventRowFailsAtItsLeaf() throws Exception {
        trail.tamper("DELETE FROM domainevententry WHERE eventidentifier = '" + events.get(3) + "'");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).isEqualTo(failLine(3) + "missing event row (global index 4)");
    }

    @Test
    void swappedLeavesAreReportedAsReordered() throws Exception {
        trail.tamper("UPDATE log_leaf SET global_index = -2 WHERE leaf_index = 2",
                "UPDATE log_leaf SET global_index = 3 WHERE leaf_index = 5",
                "UPDATE log_leaf SET global_index = 6 WHERE leaf_index = 2");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(2) + "reordered: the row at global index 6 (event "
                + events.get(5) + ") has the leaf hash of leaf 5");
    }

    @Test
    void swappedPayloadsFailAtTheFirstOfThem() throws Exception {
        trail.tamper("UPDATE domainevententry a SET payload = b.payload FROM domainevententry b "
                + "WHERE (a.globalindex, b.globalindex) IN ((8, 9), (9, 8))");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(7) + "payload/metadata changed");
    }

    @Test
    void eventResignedByAnUnpublishedKeyFailsAsUnknownKey() throws Exception {
        SigningKey rogue = SigningKey.generate(new SecureRandom());
        SignedEntry original = storedEntry(4);
        SignedEntry forged = new SignedEntry(original.eventId(), original.aggregateType(), original.aggregateId(),
                original.sequenceNumber(), original.payloadType(), original.payloadRevision(), original.timestamp(),
                original.payload(), original.metadata(), rogue.keyId());
        trail.tamper("UPDATE domainevententry SET signingkeyid = '" + rogue.keyId() + "', signature = decode('"
                + Base64.getEncoder().encodeToString(rogue.sign(forged.encode())) + "', 'base64') "
                + "WHERE eventidentifier = '" + events.get(4) + "'");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(4) + "unknown key " + rogue.keyId());
    }

    @Test
    void signatureFromAnotherKeyFailsAsBadSignature() throws Exception {
        SigningKey rogue = SigningKey.generate(new SecureRandom());
        byte[] signature = rogue.sign(storedEntry(9).encode());
        trail.tamper("UPDATE domainevententry SET signature = decode('"
                + Base64.getEncoder().encodeToString(signature) + "', 'base64') WHERE eventidentifier = '"
                + events.get(9) + "'");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).isEqualTo(failLine(9) + "bad signature (key " + trail.signingKey.keyId() + ")");
    }

    @Test
    void alteredStoredCheckpointRootFails() throws Exception {
        trail.tamper("UPDATE log_checkpoint SET root_hash = set_byte(root_hash, 0, get_byte(root_hash, 0) # 1) "
                + "WHERE tree_size = 4");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(3) + "checkpoint 4: stored root_hash");
    }

    @Test
    void checkpointSignedOverAnotherRootFailsAsRootMismatch() throws Exception {
        byte[] forked = new byte[32];
        trail.tamper("DELETE FROM log_checkpoint WHERE tree_size = 10");
        trail.storeCheckpoint(10, forked, trail.logSigner.sign(new Checkpoint(TrailFixture.ORIGIN, 10, forked).body()));
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(9) + "root mismatch at checkpoint 10: signed " + "00".repeat(32));
    }

    @Test
    void bitFlippedCheckpointSignatureFails() throws Exception {
        String note = queryString("SELECT signed_note FROM log_checkpoint WHERE tree_size = 10");
        String line = note.substring(note.lastIndexOf("\u2014 ") + 2).strip();
        String encoded = line.substring(line.indexOf(' ') + 1);
        byte[] blob = Base64.getDecoder().decode(encoded);
        blob[20] ^= 0x04; // inside the Ed25519 signature, after the 4-byte key hash
        String flipped = note.replace(encoded, Base64.getEncoder().encodeToString(blob));
        trail.tamper("UPDATE log_checkpoint SET signed_note = '" + flipped + "' WHERE tree_size = 10");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(9) + "checkpoint 10 signature: signature by "
                + TrailFixture.ORIGIN);
    }

    @Test
    void alteredStoredHashBreaksTheLogsOwnProof() throws Exception {
        // storage index 6 holds (2, 0), the hash of leaves 0-3: the whole tree at size 4
        trail.tamper("UPDATE log_hash SET hash = set_byte(hash, 31, get_byte(hash, 31) # 1) WHERE storage_index = 6");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(3) + "log_hash gives root");
    }

    @Test
    void alteredStoredHashInTheConsistencyProofFails() throws Exception {
        // storage index 13 holds (2, 1), leaves 4-7: in the proof from 4 to 10, not in either tree hash
        trail.tamper("UPDATE log_hash SET hash = set_byte(hash, 0, get_byte(hash, 0) # 1) WHERE storage_index = 13");
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(9) + "consistency proof from checkpoint 4 to 10 does not verify");
    }

    @Test
    void checkpointBeyondTheLogFails() throws Exception {
        byte[] root = new byte[32];
        trail.storeCheckpoint(12, root, trail.logSigner.sign(new Checkpoint(TrailFixture.ORIGIN, 12, root).body()));
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).isEqualTo("FAIL leaf 11 event -: checkpoint 12 covers 12 leaves, but the log has 10");
    }

    @Test
    void checkpointForAnotherOriginFails() throws Exception {
        assertThat(verify("--origin", "elsewhere.example/log")).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(3) + "checkpoint 4 is for origin '" + TrailFixture.ORIGIN + "'");
    }

    @Test
    void rotatedKeysVerifyWhenBothArePublished() throws Exception {
        SigningKey old = trail.signingKey;
        trail.signingKey = SigningKey.generate(new SecureRandom());
        appendEvents(3);
        trail.sequence();
        trail.checkpoint();
        keys = trail.writeKeys(dir.resolve("rotated.json"), old, trail.signingKey);
        assertThat(verify()).as(out + err).isZero();
        assertThat(out).startsWith("OK trail verified: 13 events in 13 leaves, 3 checkpoints");
        assertThat(out).contains(old.keyId() + " (10 events)", trail.signingKey.keyId() + " (3 events)");

        keys = trail.writeKeys(dir.resolve("only-new.json"), trail.signingKey);
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(0) + "unknown key " + old.keyId());
    }

    @Test
    void eventRowLeftOutOfTheLogFails() throws Exception {
        appendEvents(1);
        String skipped = events.get(events.size() - 1);
        appendEvents(1);
        trail.sequenceExcept(skipped);
        trail.checkpoint();
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).isEqualTo("FAIL leaf - event " + skipped
                + ": event row (global index 11) is not in the log, though later rows are");
    }

    @Test
    void rowsNotYetSequencedAreReportedNotFailed() throws Exception {
        appendEvents(2);
        assertThat(verify()).as(out + err).isZero();
        assertThat(out).contains("event rows:  12 (10 logged, 2 not yet sequenced, judged without the sequencer's position)");
    }

    /** The sequencer's token as Axon's Jackson serializer stores it. */
    private void sequencerToken(String tokenJson) throws SQLException {
        try (Statement statement = trail.connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS tokenentry (processorname VARCHAR(255) NOT NULL, "
                    + "segment INTEGER NOT NULL, token BYTEA, tokentype VARCHAR(255), timestamp VARCHAR(255), "
                    + "owner VARCHAR(255), PRIMARY KEY (processorname, segment))");
            statement.execute("DELETE FROM tokenentry");
        }
        try (PreparedStatement insert = trail.connection.prepareStatement("INSERT INTO tokenentry "
                + "(processorname, segment, token, tokentype) VALUES ('transparency-log', 0, ?, ?)")) {
            insert.setBytes(1, tokenJson.getBytes(StandardCharsets.UTF_8));
            insert.setString(2, "org.axonframework.eventhandling.GapAwareTrackingToken");
            insert.executeUpdate();
        }
    }

    @Test
    void aRowCommittedLateBelowLoggedRowsIsInFlightWhileTheSequencerWaitsForIt() throws Exception {
        appendEvents(1);
        String late = events.get(events.size() - 1);
        appendEvents(1);
        trail.sequenceExcept(late);
        trail.checkpoint();
        sequencerToken("{\"index\":12,\"gaps\":[11]}"); // row 11 committed after 12 was sequenced
        assertThat(verify()).as(out + err).isZero();
        assertThat(out).contains("event rows:  12 (11 logged, 1 not yet sequenced)");

        Path bundle = dir.resolve("in-flight.zip");
        assertThat(run("export", "--jdbc-url", trail.jdbcUrl, "--out", bundle.toString())).as(out + err).isZero();
        assertThat(run("verify", "--bundle", bundle.toString(), "--keys", keys.toString(), "--log-key",
                trail.logSigner.verifierKey(), "--quiet")).as(out + err).isZero();
        assertThat(out).contains("event rows:  12 (11 logged, 1 not yet sequenced)");

        sequencerToken("{\"index\":12,\"gaps\":[]}"); // the sequencer moved past it without logging it
        assertThat(verify()).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).isEqualTo("FAIL leaf - event " + late
                + ": event row (global index 11) is not in the log, though the sequencer has passed it");
        Path holed = dir.resolve("hole.zip");
        assertThat(run("export", "--jdbc-url", trail.jdbcUrl, "--out", holed.toString())).as(out + err).isZero();
        assertThat(run("verify", "--bundle", holed.toString(), "--keys", keys.toString(), "--log-key",
                trail.logSigner.verifierKey(), "--quiet")).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith("FAIL leaf - event " + late + ": event row (global index 11)");
    }

    @Test
    void rowsAfterTheSequencersTokenAreInFlight() throws Exception {
        sequencerToken("{\"index\":10,\"gaps\":[]}");
        appendEvents(2);
        assertThat(verify()).as(out + err).isZero();
        assertThat(out).contains("event rows:  12 (10 logged, 2 not yet sequenced)");
    }

    @Test
    void exportedBundleVerifiesOfflineAsZipAndAsDirectory() throws Exception {
        Path zip = dir.resolve("trail.zip");
        assertThat(run("export", "--jdbc-url", trail.jdbcUrl, "--out", zip.toString(), "--keys", keys.toString(),
                "--log-key", trail.logSigner.verifierKey())).as(out + err).isZero();
        assertThat(out).contains("exported 10 leaves, 2 checkpoints, 10 event rows");
        trail.close(); // offline from here on
        assertThat(run("verify", "--bundle", zip.toString(), "--keys", keys.toString(),
                "--log-key", trail.logSigner.verifierKey(), "--quiet")).as(out + err).isZero();
        assertThat(out).startsWith("OK trail verified: 10 events in 10 leaves, 2 checkpoints");

        Path directory = dir.resolve("trail");
        trail = TrailFixture.create(postgres);
        events.clear();
        appendEvents(5);
        trail.sequence();
        trail.checkpoint();
        appendEvents(2);
        trail.sequence();
        trail.checkpoint();
        keys = trail.writeKeys(dir.resolve("keys2.json"), trail.signingKey);
        assertThat(run("export", "--jdbc-url", trail.jdbcUrl, "--out", directory.toString())).isZero();
        assertThat(directory.resolve(Bundle.ENTRIES)).exists();
        assertThat(Files.readAllLines(directory.resolve(Bundle.ENTRIES))).hasSize(7);
        assertThat(Files.readAllLines(directory.resolve(Bundle.CONSISTENCY))).hasSize(1);
        assertThat(run("verify", "--bundle", directory.toString(), "--keys", keys.toString(),
                "--log-key", trail.logSigner.verifierKey(), "--quiet")).as(out + err).isZero();
    }

    @Test
    void tamperedBundleFailsOfflineNamingTheEntry() throws Exception {
        Path directory = dir.resolve("trail");
        assertThat(run("export", "--jdbc-url", trail.jdbcUrl, "--out", directory.toString())).isZero();
        Path entries = directory.resolve(Bundle.ENTRIES);
        List<String> lines = new ArrayList<>(Files.readAllLines(entries));
        ObjectMapper json = new ObjectMapper();
        JsonNode line = json.readTree(lines.get(7));
        byte[] entry = Base64.getDecoder().decode(line.get("entry").asText());
        entry[entry.length - 40] ^= 1; // inside the payload or metadata
        lines.set(7, lines.get(7).replace(line.get("entry").asText(), Base64.getEncoder().encodeToString(entry)));
        Files.write(entries, lines);
        assertThat(run("verify", "--bundle", directory.toString(), "--keys", keys.toString(),
                "--log-key", trail.logSigner.verifierKey(), "--quiet")).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(7) + "payload/metadata changed");
    }

    @Test
    void resumeContinuesWhereTheLastRunStopped() throws Exception {
        Path state = dir.resolve("state.json");
        assertThat(verify("--resume", state.toString(), "--stop-after", "6")).as(out + err).isZero();
        assertThat(out).startsWith("PARTIAL trail verified up to leaf 6: ");
        JsonNode saved = new ObjectMapper().readTree(state.toFile());
        assertThat(saved.get("leaves").asLong()).isEqualTo(6);
        assertThat(saved.get("subtrees")).hasSize(2); // 6 = 4 + 2
        assertThat(saved.get("checkpointSize").asLong()).isEqualTo(4);

        // Leaf 1 was verified by the first run; the second must not read it again.
        trail.tamper("DELETE FROM domainevententry WHERE eventidentifier = '" + events.get(1) + "'");
        assertThat(verify("--resume", state.toString())).as(out + err).isZero();
        assertThat(out).startsWith("OK trail verified: 10 events in 10 leaves, 2 checkpoints");
        assertThat(out).contains("resumed at:  leaf 6", "4 events this run");

        // Later leaves are checked as always: the log grows, the next run verifies only what is new.
        appendEvents(3);
        trail.sequence();
        trail.checkpoint();
        trail.tamper("UPDATE domainevententry SET payload = convert_to('{\"n\":99}', 'UTF8') "
                + "WHERE eventidentifier = '" + events.get(11) + "'");
        assertThat(verify("--resume", state.toString())).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(11) + "payload/metadata changed");
    }

    @Test
    void wrongLogKeyFailsTheFirstCheckpoint() throws Exception {
        String otherKey = org.sijil.crypto.note.NoteSigner.generate(TrailFixture.ORIGIN, new SecureRandom()).verifierKey();
        assertThat(run("verify", "--jdbc-url", trail.jdbcUrl, "--keys", keys.toString(), "--log-key", otherKey,
                "--quiet")).isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).startsWith(failLine(3) + "checkpoint 4 signature: note has no signature by");
    }

    @Test
    void unreachableDatabaseIsAnErrorNotAVerdict() {
        assertThat(run("verify", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--keys", keys.toString(),
                "--log-key", trail.logSigner.verifierKey())).isEqualTo(VerifierCli.ERROR);
        assertThat(out).isEmpty();
        assertThat(err).startsWith("error: cannot open a read-only transaction");
    }

    private SignedEntry storedEntry(int index) throws SQLException {
        try (var statement = trail.connection.prepareStatement("SELECT eventidentifier, type, aggregateidentifier, "
                + "sequencenumber, payloadtype, payloadrevision, timestamp, payload, metadata, signingkeyid "
                + "FROM domainevententry WHERE eventidentifier = ?")) {
            statement.setString(1, events.get(index));
            try (var rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new SignedEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9),
                        rs.getString(10));
            }
        }
    }

    private String queryString(String sql) throws SQLException {
        try (var statement = trail.connection.createStatement(); var rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
