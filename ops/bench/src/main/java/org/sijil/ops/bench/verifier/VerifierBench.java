package org.sijil.ops.bench.verifier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.sijil.ops.bench.BenchApplication;
import org.sijil.ops.bench.DurablePostgres;
import org.sijil.ops.verifier.VerifierCli;
import org.sijil.ops.verifier.fixture.TrailFixture;

/**
 * Times full verification against a plain sequential read of the same rows, on a synthetic trail
 * of N events (default 200,000) in an embedded PostgreSQL with {@code fsync} and
 * {@code synchronous_commit} on. Arguments: {@code [events [threads]]}, threads 0 (the default) one per
 * core; run by {@code java -jar ops/bench/target/sijil-bench.jar verifier} (docs/benchmarks.md).
 */
public final class VerifierBench {

    private static final int BATCH = 5_000;
    private static final int CHECKPOINT_EVERY = 50_000;

    private VerifierBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = args.length > 1 && Integer.parseInt(args[1]) > 0 ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        BenchApplication.logWarningsOnly();
        try (EmbeddedPostgres postgres = DurablePostgres.builder()
                .setServerConfig("shared_buffers", "256MB")
                .start();
             TrailFixture trail = TrailFixture.create(postgres)) {
            long started = System.nanoTime();
            build(trail, events);
            System.out.printf(Locale.ROOT, "built %d events, %d checkpoints in %.1f s%n", events,
                    (events + CHECKPOINT_EVERY - 1) / CHECKPOINT_EVERY, (System.nanoTime() - started) / 1e9);
            try (Statement statement = trail.connection.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
            Path dir = Files.createTempDirectory("verifier-bench");
            Path keys = trail.writeKeys(dir.resolve("keys.json"), trail.signingKey);

            plainRead(trail.jdbcUrl); // warm the cache and the JIT for both runs
            double readRate = plainRead(trail.jdbcUrl);
            System.out.printf(Locale.ROOT, "plain sequential read: %.0f rows/s%n", readRate);

            verify(trail, keys, threads); // warm-up
            long cpuBefore = processCpuNanos();
            double verifyRate = verify(trail, keys, threads);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf(Locale.ROOT, "full verification (%d threads): %.0f events/s%n", threads, verifyRate);
            System.out.printf(Locale.ROOT, "verification / plain read: %.2f%n", verifyRate / readRate);
            // Wall-clock rates depend on whatever else the machine runs; CPU cost per event does not.
            System.out.printf(Locale.ROOT, "verifier CPU: %.1f s for %d events = %.0f events per CPU-second "
                            + "(%.0f events/s if %d cores were free for it; the database's own CPU not included)%n",
                    cpuSeconds, trail.size(), trail.size() / cpuSeconds,
                    trail.size() / cpuSeconds * Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "load average at the end: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Person-event-sized rows: a sealed personal field plus plain ones, ~450 bytes of payload. */
    private static void build(TrailFixture trail, int events) throws Exception {
        SecureRandom random = new SecureRandom();
        Instant clock = Instant.parse("2024-01-01T00:00:00Z");
        int written = 0;
        while (written < events) {
            int count = Math.min(BATCH, events - written);
            List<TrailFixture.NewEvent> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                UUID person = new UUID(random.nextLong(), random.nextLong());
                byte[] sealed = new byte[180];
                random.nextBytes(sealed);
                String payload = "{\"personId\":\"" + person + "\",\"name\":{\"enc\":\""
                        + Base64.getEncoder().encodeToString(sealed) + "\"},\"sex\":\"FEMALE\","
                        + "\"dateOfBirth\":{\"enc\":\"" + Base64.getEncoder().encodeToString(new byte[39])
                        + "\"},\"registrationOffice\":\"BGD-01\",\"recordedAt\":\"" + clock + "\"}";
                batch.add(new TrailFixture.NewEvent(person.toString(), TrailFixture.PERSON_EVENT + "BirthRegisteredEvent",
                        payload.getBytes(StandardCharsets.UTF_8), clock));
                clock = clock.plusMillis(250);
            }
            trail.appendAll(batch);
            trail.sequence();
            written += count;
            if (written % CHECKPOINT_EVERY == 0 || written == events) {
                trail.checkpoint();
            }
        }
    }

    /** Reads the rows the verifier reads, the way it reads them, and does nothing with them. */
    private static double plainRead(String url) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "-1");
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT l.leaf_index, l.global_index, l.event_id, l.leaf_hash, d.globalindex, d.eventidentifier, "
                            + "d.type, d.aggregateidentifier, d.sequencenumber, d.payloadtype, d.payloadrevision, "
                            + "d.timestamp, d.payload, d.metadata, d.signingkeyid, d.signature FROM log_leaf l "
                            + "LEFT JOIN domainevententry d ON d.globalindex = l.global_index ORDER BY l.leaf_index")) {
                statement.setFetchSize(VerifierCli.FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        for (int column = 1; column <= 16; column++) {
                            Object value = rs.getObject(column);
                            bytes += value instanceof byte[] b ? b.length : value == null ? 0 : 1;
                        }
                        rows++;
                    }
                }
            }
            connection.rollback();
        }
        if (bytes == 0) {
            throw new IllegalStateException("read nothing");
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static double verify(TrailFixture trail, Path keys, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int status = new VerifierCli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run("verify",
                "--jdbc-url", trail.jdbcUrl, "--keys", keys.toString(), "--log-key", trail.logSigner.verifierKey(),
                "--threads", Integer.toString(threads), "--quiet");
        double seconds = (System.nanoTime() - started) / 1e9;
        String report = out.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException("verification failed:\n" + report);
        }
        System.out.print(report);
        return trail.size() / seconds;
    }
}
