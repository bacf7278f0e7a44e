package org.sijil.ops.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The write-side benchmark: on one durable PostgreSQL, the rate and latency of plain one-row insert
 * transactions, of Sijil's births through the command gateway (signing on and off) and through HTTP,
 * at 1 and 8 concurrent clients. Results and how to read them: docs/benchmarks.md.
 *
 * <p>Arguments, all optional: {@code warmup=2} and {@code measure=8} (seconds per case),
 * {@code clients=1,8}, {@code http=true}, {@code profile=true} (statements per command).
 */
public final class WriteSideBench {

    private final Duration warmUp;
    private final Duration measure;
    private final List<Integer> clientCounts;
    private final boolean http;
    private final boolean profile;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<StatementProfile.Line>> profiles = new LinkedHashMap<>();

    private WriteSideBench(Map<String, String> args) {
        this.warmUp = Duration.ofMillis((long) (Double.parseDouble(args.getOrDefault("warmup", "2")) * 1000));
        this.measure = Duration.ofMillis((long) (Double.parseDouble(args.getOrDefault("measure", "8")) * 1000));
        this.clientCounts = Stream.of(args.getOrDefault("clients", "1,8").split(",")).map(Integer::valueOf).toList();
        this.http = Boolean.parseBoolean(args.getOrDefault("http", "true"));
        this.profile = Boolean.parseBoolean(args.getOrDefault("profile", "true"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value: " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new WriteSideBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("sijil-bench");
        System.out.printf("machine: %d cores, %s, Java %s; each case %ss warm-up + %ss measured%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"),
                warmUp.toMillis() / 1000.0, measure.toMillis() / 1000.0);
        try (BenchPostgres postgres = BenchPostgres.start(dir.resolve("postgres"))) {
            System.out.println("postgres: " + postgres.settings());
            String plainUrl = postgres.createDatabase("plain");
            String signedUrl = postgres.createDatabase("sijil_signed");
            String unsignedUrl = postgres.createDatabase("sijil_unsigned");
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            try (HikariDataSource admin = BenchPostgres.pool(postgres.createDatabase("bench_admin"), 1, "admin");
                 HikariDataSource plainPool = BenchPostgres.pool(plainUrl, 8, "plain");
                 SijilApp signed = SijilApp.start("sijil-signed", signedUrl, dir.resolve("signed"), true);
                 SijilApp unsigned = SijilApp.start("sijil-unsigned", unsignedUrl, dir.resolve("unsigned"), false)) {
                SecureRandom seed = new SecureRandom();
                signed.registerBirth(seed);
                SampleRow sample = SampleRow.latestBirth(signed.dataSource());
                System.out.println("event row as stored by Sijil: " + sample.describe());
                PlainInserts plain = new PlainInserts(plainPool, sample);
                plain.createTable();
                SijilStatements statements = new SijilStatements(plainPool, sample);
                statements.createTables();
                HttpBirths signedHttp = http ? new HttpBirths(signed.port()) : null;
                CpuMeter cpu = new CpuMeter(postmaster);

                for (int clients : clientCounts) {
                    SecureRandom[] randoms = Stream.generate(SecureRandom::new).limit(clients)
                            .toArray(SecureRandom[]::new);
                    measure(Case.PLAIN, clients, admin, "plain", cpu, (c, n) -> plain.insertOne());
                    measure(Case.STATEMENTS, clients, admin, "plain", cpu,
                            (c, n) -> statements.registerOne(randoms[c]));
                    measure(Case.SIJIL, clients, admin, "sijil_signed", cpu,
                            (c, n) -> signed.registerBirth(randoms[c]));
                    measure(Case.UNSIGNED, clients, admin, "sijil_unsigned", cpu,
                            (c, n) -> unsigned.registerBirth(randoms[c]));
                    if (signedHttp != null) {
                        measure(Case.HTTP, clients, admin, "sijil_signed", cpu, (c, n) -> signedHttp.registerBirth());
                    }
                }
            }
        }
        report();
    }

    private void measure(Case which, int clients, HikariDataSource admin, String database, CpuMeter cpu,
                         LoadRun.Operation operation) throws InterruptedException {
        StatementProfile statements = new StatementProfile(admin, database);
        CpuMeter.Usage[] usage = new CpuMeter.Usage[1];
        LoadRun.Result result = LoadRun.run(which.label, clients, warmUp, measure, new LoadRun.Window() {
            @Override
            public void opened() {
                if (profile) {
                    statements.start();
                }
                cpu.start();
            }

            @Override
            public void closed() {
                usage[0] = cpu.stop();
                if (profile) {
                    statements.stop();
                }
            }
        }, operation);
        Row row = new Row(which, result, usage[0]);
        rows.add(row);
        profiles.put(which.label + " @" + clients, statements.lines());
        System.out.println(row.format());
    }

    private void report() {
        System.out.println();
        System.out.println("| case | clients | ops/s | p50 ms | p99 ms | errors | CPU cores: JVM / PostgreSQL / other |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (Row row : rows) {
            System.out.println(row.format());
        }
        System.out.println();
        for (int clients : clientCounts) {
            ratio("Sijil / plain", Case.SIJIL, Case.PLAIN, clients,
                    clients == 8 ? " (goal >= 0.50 with Sijil p99 <= 20 ms)" : "");
            ratio("signing on / off", Case.SIJIL, Case.UNSIGNED, clients, " (goal >= 0.90)");
            ratio("Sijil's statements in plain JDBC / plain", Case.STATEMENTS, Case.PLAIN, clients, "");
            ratio("Sijil / Sijil's statements in plain JDBC", Case.SIJIL, Case.STATEMENTS, clients, "");
            if (http) {
                ratio("HTTP / command gateway", Case.HTTP, Case.SIJIL, clients, "");
            }
        }
        if (profile) {
            for (Map.Entry<String, List<StatementProfile.Line>> entry : profiles.entrySet()) {
                Row row = rows.stream().filter(r -> entry.getKey().equals(r.which.label + " @" + r.result.clients()))
                        .findFirst().orElseThrow();
                if (row.which == Case.PLAIN || row.result.operations() == 0) {
                    continue;
                }
                System.out.println();
                System.out.printf("statements per operation, %s (server mean ms per call):%n", entry.getKey());
                for (StatementProfile.Line line : entry.getValue()) {
                    double perOp = (double) line.calls() / row.result.operations();
                    if (perOp >= 0.05) {
                        System.out.printf(Locale.ROOT, "  %5.2f x %7.3f ms  %s%n", perOp, line.meanMillis(),
                                line.shortQuery());
                    }
                }
            }
        }
    }

    private void ratio(String label, Case numerator, Case denominator, int clients, String goal) {
        Row top = find(numerator, clients);
        Row bottom = find(denominator, clients);
        if (top != null && bottom != null) {
            System.out.printf(Locale.ROOT, "%s @%d: %.2fx%s%n", label, clients,
                    top.result.rate() / bottom.result.rate(), goal);
        }
    }

    private Row find(Case which, int clients) {
        return rows.stream().filter(r -> r.which == which && r.result.clients() == clients).findFirst().orElse(null);
    }

    private enum Case {
        PLAIN("plain JDBC, 1 row/tx"),
        STATEMENTS("Sijil's statements, plain JDBC"),
        SIJIL("Sijil command gateway"),
        UNSIGNED("Sijil command gateway, signing off"),
        HTTP("Sijil HTTP POST /api/v1/births");

        final String label;

        Case(String label) {
            this.label = label;
        }
    }

    private record Row(Case which, LoadRun.Result result, CpuMeter.Usage cpu) {

        String format() {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %d | %.2f / %.2f / %.2f |",
                    which.label, result.clients(), result.rate(), result.p50Millis(), result.p99Millis(),
                    result.errors(), cpu.jvmCores(), cpu.postgresCores(), cpu.otherCores());
        }
    }
}
