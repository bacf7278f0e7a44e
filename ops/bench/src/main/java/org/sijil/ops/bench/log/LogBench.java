package org.sijil.ops.bench.log;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.ops.bench.BenchApplication;
import org.sijil.ops.bench.DurablePostgres;
import org.sijil.query.log.LogProofs;
import org.sijil.query.log.LogSequencer;
import org.sijil.query.log.LogStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmarks of the transparency log, each against a plain baseline measured in the same run:
 *
 * <ul>
 *   <li>{@code proofs [leaves] [samples]}: inclusion and consistency proof latency (p50/p99)
 *       served by {@link LogProofs} over {@link LogStore} — the code path of the HTTP API — from a
 *       synthetic stored-hash table of {@code 2n - popcount(n)} rows (an UNLOGGED table filled by
 *       {@code generate_series}, then its primary key), against a single primary-key lookup in
 *       the same table;</li>
 *   <li>{@code sequencer [events]}: the application's sequencer catching up over N stored events
 *       (copies of a real signed birth row, inserted directly with the sequencer stopped), in
 *       events appended to the log per second, against a plain JDBC read of the same rows.</li>
 * </ul>
 *
 * Run: {@code java -Xmx2g -jar ops/bench/target/sijil-bench.jar log proofs 10000000} (docs/benchmarks.md).
 * PostgreSQL runs with {@code fsync} and {@code synchronous_commit} on.
 */
public final class LogBench {

    private LogBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "proofs";
        switch (mode) {
            case "proofs" -> proofs(args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L,
                    args.length > 2 ? Integer.parseInt(args[2]) : 20_000);
            case "sequencer" -> sequencer(args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
            default -> throw new IllegalArgumentException("usage: LogBench proofs [leaves] [samples] | sequencer [events]");
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.1f (%d cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    // ---------------------------------------------------------------- proofs

    private static void proofs(long leaves, int samples) throws Exception {
        long stored = 2 * leaves - Long.bitCount(leaves);
        System.out.printf(Locale.ROOT, "proofs: synthetic log of %,d leaves = %,d stored hashes%n", leaves, stored);
        try (EmbeddedPostgres postgres = DurablePostgres.builder()
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("maintenance_work_mem", "1GB")
                .setServerConfig("max_parallel_maintenance_workers", "2")
                .setServerConfig("max_wal_size", "8GB")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            long started = System.nanoTime();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE UNLOGGED TABLE log_hash (storage_index BIGINT NOT NULL, hash BYTEA NOT NULL)");
            }
            fill(postgres, stored);
            double filled = (System.nanoTime() - started) / 1e9;
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE log_hash ADD PRIMARY KEY (storage_index)");
                statement.execute("VACUUM ANALYZE log_hash");
            }
            double indexed = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "filled in %.1f s, primary key and analyse done at %.1f s%n", filled, indexed);

            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
            try {
                measureProofs(dataSource, leaves, stored, samples);
            } finally {
                dataSource.destroy();
            }
        }
    }

    /** Inserts storage indexes [0, stored) with a cheap 32-byte hash each, on two connections at once. */
    private static void fill(EmbeddedPostgres postgres, long stored) throws Exception {
        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        long chunk = 5_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (long from = 0; from < stored; from += chunk) {
                long start = from;
                long end = Math.min(stored, from + chunk) - 1;
                jobs.add(pool.submit(() -> {
                    try (Connection connection = postgres.getPostgresDatabase().getConnection();
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO log_hash "
                                 + "SELECT g, sha256(int8send(g)) FROM generate_series(?::bigint, ?::bigint) g")) {
                        insert.setLong(1, start);
                        insert.setLong(2, end);
                        insert.executeUpdate();
                    }
                    return null;
                }));
            }
            long done = 0;
            for (Future<?> job : jobs) {
                job.get();
                done++;
                if (done % 10 == 0) {
                    System.out.printf(Locale.ROOT, "  %,d of %,d hashes stored%n", Math.min(stored, done * chunk), stored);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void measureProofs(DataSource dataSource, long leaves, long stored, int samples) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LogProofs proofs = new LogProofs(new LogStore(jdbc));
        SplittableRandom random = new SplittableRandom(42);
        int warmup = Math.min(samples, 2_000);
        long[] lookup = new long[samples];
        long[] inclusion = new long[samples];
        long[] consistency = new long[samples];
        long proofHashes = 0;
        for (int round = 0; round < 2; round++) {
            int n = round == 0 ? warmup : samples;
            for (int i = 0; i < n; i++) {
                long at = random.nextLong(stored);
                long t0 = System.nanoTime();
                byte[] hash = jdbc.queryForObject("SELECT hash FROM log_hash WHERE storage_index = ?", byte[].class, at);
                long t1 = System.nanoTime();
                LogProofs.Inclusion proof = proofs.inclusion(random.nextLong(leaves), leaves);
                long t2 = System.nanoTime();
                List<byte[]> consistent = proofs.consistency(1 + random.nextLong(leaves - 1), leaves);
                long t3 = System.nanoTime();
                if (hash == null || hash.length != 32 || proof.leafHash().length != 32) {
                    throw new IllegalStateException("bad read");
                }
                if (round == 1) {
                    lookup[i] = t1 - t0;
                    inclusion[i] = t2 - t1;
                    consistency[i] = t3 - t2;
                    proofHashes += proof.proof().size() + consistent.size();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d samples each, interleaved, one connection; %.1f hashes per proof on average%n",
                samples, proofHashes / (2.0 * samples));
        double[] base = report("primary-key lookup (baseline)", lookup, null);
        report("inclusion proof (LogProofs.inclusion)", inclusion, base);
        report("consistency proof (LogProofs.consistency)", consistency, base);
    }

    private static double[] report(String what, long[] nanos, double[] baseline) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(int) (sorted.length * 0.50)] / 1e6;
        double p99 = sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.printf(Locale.ROOT, "%-42s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms%s%n", what, p50, p99, max,
                baseline == null ? "" : String.format(Locale.ROOT, "   (%.1fx / %.1fx the baseline)",
                        p50 / baseline[0], p99 / baseline[1]));
        return new double[] {p50, p99};
    }

    // ---------------------------------------------------------------- sequencer

    private static void sequencer(int events) throws Exception {
        ConfigurableApplicationContext context =
                BenchApplication.embedded(BenchApplication.dataDirectory("sijil-log-bench-")).start();
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            CommandGateway commands = context.getBean(CommandGateway.class);
            for (int i = 0; i < 20; i++) {
                commands.sendAndWait(birthCommand());
            }
            awaitLeaves(jdbc, count(jdbc, "domainevententry"));
            for (EventProcessor processor : processing.eventProcessors().values()) {
                processor.shutDown(); // the sequencer, and projections that would compete for the cores
            }
            long before = count(jdbc, "domainevententry");
            long lastLogged = before;
            long started = System.nanoTime();
            int chunk = 20_000;
            for (int done = 0; done < events; done += chunk) {
                // copies of a real signed birth row: the sequencer hashes rows, it does not verify them
                jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp, signature, signingkeyid) "
                        + "SELECT gen_random_uuid()::text, 0, e.type, gen_random_uuid()::text, e.metadata, e.payload, "
                        + "e.payloadrevision, e.payloadtype, e.timestamp, e.signature, e.signingkeyid "
                        + "FROM generate_series(1, ?) g CROSS JOIN (SELECT * FROM domainevententry "
                        + "ORDER BY globalindex LIMIT 1) e", Math.min(chunk, events - done));
            }
            jdbc.execute("VACUUM ANALYZE domainevententry");
            System.out.printf(Locale.ROOT, "sequencer: %,d event rows stored directly in %.1f s (%,d before)%n",
                    events, (System.nanoTime() - started) / 1e9, before);

            DataSource dataSource = context.getBean(DataSource.class);
            plainRead(dataSource, lastLogged);
            double read = plainRead(dataSource, lastLogged);
            System.out.printf(Locale.ROOT, "plain JDBC read of the same rows:  %,.0f rows/s%n", read);

            TrackingEventProcessor sequencer = processing
                    .eventProcessor(LogSequencer.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
            long total = count(jdbc, "domainevententry");
            started = System.nanoTime();
            sequencer.start();
            awaitLeaves(jdbc, total);
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = events / seconds;
            System.out.printf(Locale.ROOT, "sequencer catch-up: %,d events in %.1f s = %,.0f events/s "
                    + "(%.2fx the plain read)%n", events, seconds, rate, rate / read);
            Long hashes = jdbc.queryForObject("SELECT count(*) FROM log_hash", Long.class);
            System.out.printf(Locale.ROOT, "log: %,d leaves, %,d stored hashes%n", total, hashes);
        } finally {
            context.close();
        }
    }

    /** Reads the columns the sequencer hashes, in global-index order, and does nothing with them. */
    private static double plainRead(DataSource dataSource, long after) throws Exception {
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT globalindex, eventidentifier, type, "
                    + "aggregateidentifier, sequencenumber, payloadtype, payloadrevision, timestamp, payload, metadata, "
                    + "signingkeyid FROM domainevententry WHERE globalindex > ? ORDER BY globalindex")) {
                statement.setFetchSize(1_000);
                statement.setLong(1, after);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        for (int column = 1; column <= 11; column++) {
                            Object value = rs.getObject(column);
                            bytes += value instanceof byte[] b ? b.length : 1;
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

    private static void awaitLeaves(JdbcTemplate jdbc, long leaves) throws InterruptedException {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (count(jdbc, "log_leaf") < leaves) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sequencer did not reach " + leaves + " leaves within an hour");
            }
            Thread.sleep(100);
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static RegisterBirthCommand birthCommand() {
        LineageName arabic = new LineageName("يوسف", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        LineageName latin = new LineageName("Yousif", "Ali", "Hussein", "Al-Jubouri", "Fatima", "Abbas");
        return new RegisterBirthCommand(UUID.randomUUID(), NationalNumber.allocate(new SecureRandom()),
                new PersonName(arabic, null, latin), Sex.MALE, LocalDate.of(2001, 5, 20),
                new Place("BGD", null, "مستشفى اليرموك"), null, null, "BGD-KARKH-01", Instant.now());
    }
}
