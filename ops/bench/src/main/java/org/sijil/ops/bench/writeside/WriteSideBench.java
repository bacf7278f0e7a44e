package org.sijil.ops.bench.writeside;

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
import org.sijil.ops.bench.BenchApplication;

/**
 * The write-side benchmark: on one durable PostgreSQL, the rate and latency of plain one-row insert
 * transactions, of Sijil's births through the command gateway (group commit on and off, signing on
 * and off) and through HTTP, at 1 and 8 concurrent clients. Results and how to read them: docs/benchmarks.md.
 *
 * <p>The cases take turns: each runs {@code rounds} short windows, one after another case's, so
 * load from other work on the machine falls on all cases alike instead of on whichever ran while it
 * peaked. A case's figures merge its windows: operations over total window time, percentiles over
 * all its latencies.
 *
 * <p>Arguments, all optional: {@code warmup=3} (seconds per case, all cases warmed up before any is measured),
 * {@code measure=6} (seconds per case, split over the rounds), {@code rounds=3},
 * {@code clients=1,8}, {@code http=true}, {@code profile=true} (statements per operation),
 * {@code readers=false} (true runs the tracking processors and the Kafka feed in the benchmarked process),
 * {@code workers}, {@code max_wait}, {@code max_commands} (the application's {@code sijil.group-commit.*}),
 * {@code cases=plain,statements,sijil,unsigned,alone,http} (the default; {@code http_url} sends the
 * HTTP case through {@code HttpURLConnection} instead of {@code java.net.http}, to rule the client out).
 */
public final class WriteSideBench {

    /** Lets a case's threads start and take their connections before its window opens. */
    private static final Duration SETTLE = Duration.ofMillis(250);

    private final Duration warmUp;
    private final Duration measure;
    private final int rounds;
    private final List<Integer> clientCounts;
    private final boolean http;
    private final boolean profile;
    private final boolean readers;
    private final Map<String, String> groupCommit = new LinkedHashMap<>();
    private final List<String> only;
    private final List<Row> rows = new ArrayList<>();
    private SignatureCost.Figures signature;

    private WriteSideBench(Map<String, String> args) {
        this.warmUp = seconds(args.getOrDefault("warmup", "3"));
        this.measure = seconds(args.getOrDefault("measure", "6"));
        this.rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
        this.clientCounts = Stream.of(args.getOrDefault("clients", "1,8").split(",")).map(Integer::valueOf).toList();
        this.http = Boolean.parseBoolean(args.getOrDefault("http", "true"));
        this.profile = Boolean.parseBoolean(args.getOrDefault("profile", "true"));
        this.readers = Boolean.parseBoolean(args.getOrDefault("readers", "false"));
        for (String key : List.of("workers", "max_wait", "max_commands")) {
            if (args.containsKey(key)) {
                groupCommit.put(key.replace('_', '-'), args.get(key));
            }
        }
        this.only = List.of(args.getOrDefault("cases", "").toUpperCase(Locale.ROOT).split(","));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value: " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path dir = Files.createTempDirectory("sijil-bench");
        BenchApplication.logToFile(dir.resolve("application.log"));
        System.setProperty("disable-axoniq-console-message", "true");
        new WriteSideBench(options).run(dir);
        System.exit(0);
    }

    private void run(Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s; per case %.1f s warm-up, "
                        + "then %.1f s measured in %d rounds%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), warmUp.toMillis() / 1000.0,
                measure.toMillis() / 1000.0, rounds);
        System.out.println("application log: " + dir.resolve("application.log"));
        try (BenchPostgres postgres = BenchPostgres.start(dir.resolve("postgres"))) {
            System.out.println("postgres: " + postgres.settings());
            String plainUrl = postgres.createDatabase("plain");
            String signedUrl = postgres.createDatabase("sijil_signed");
            String unsignedUrl = postgres.createDatabase("sijil_unsigned");
            String aloneUrl = postgres.createDatabase("sijil_alone");
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            try (HikariDataSource admin = BenchPostgres.pool(postgres.createDatabase("bench_admin"), 1, "admin");
                 HikariDataSource plainPool = BenchPostgres.pool(plainUrl, 8, "plain");
                 SijilApp signed = SijilApp.start("sijil-signed", signedUrl, dir.resolve("signed"), true,
                         groupCommit, readers);
                 SijilApp unsigned = SijilApp.start("sijil-unsigned", unsignedUrl, dir.resolve("unsigned"), false,
                         groupCommit, readers);
                 SijilApp alone = SijilApp.start("sijil-alone", aloneUrl, dir.resolve("alone"), true,
                         Map.of("enabled", "false"), readers)) {
                System.out.println("group commit: " + (groupCommit.isEmpty() ? "the application's defaults"
                        : groupCommit) + "; read side " + (readers ? "running in this process" : "paused"));
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
                System.out.println();

                int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
                SecureRandom[] randoms = Stream.generate(SecureRandom::new).limit(most).toArray(SecureRandom[]::new);
                List<Case> cases = new ArrayList<>(List.of(
                        new Case(Kind.PLAIN, "plain", (c, n) -> plain.insertOne()),
                        new Case(Kind.STATEMENTS, "plain", (c, n) -> statements.registerOne(randoms[c])),
                        new Case(Kind.SIJIL, "sijil_signed", (c, n) -> signed.registerBirth(randoms[c])),
                        new Case(Kind.UNSIGNED, "sijil_unsigned", (c, n) -> unsigned.registerBirth(randoms[c])),
                        new Case(Kind.ALONE, "sijil_alone", (c, n) -> alone.registerBirth(randoms[c]))));
                if (signedHttp != null) {
                    cases.add(new Case(Kind.HTTP, "sijil_signed", (c, n) -> signedHttp.registerBirth()));
                    cases.add(new Case(Kind.HTTP_URL, "sijil_signed", (c, n) -> signedHttp.registerBirthUrlConnection()));
                }
                if (only.equals(List.of(""))) {
                    cases.removeIf(c -> c.kind == Kind.HTTP_URL);
                } else {
                    cases.removeIf(c -> !only.contains(c.kind.name()));
                }
                // one warm-up of every path before any window, so no case is measured while the JIT
                // is still compiling code that the cases before it never ran
                for (Case which : cases) {
                    LoadRun.Result result = LoadRun.run(which.kind.label, most, Duration.ZERO, warmUp,
                            LoadRun.Window.NONE, which.operation);
                    System.out.printf(Locale.ROOT, "warm-up: %-45s @%d %7.0f ops/s%n", which.kind.label, most,
                            result.rate());
                }

                for (int clients : clientCounts) {
                    Map<Kind, Measured> measured = new LinkedHashMap<>();
                    for (int round = 1; round <= rounds; round++) {
                        for (Case which : cases) {
                            StatementProfile statementProfile = measured.containsKey(which.kind)
                                    ? measured.get(which.kind).statements
                                    : new StatementProfile(admin, which.database);
                            Window window = new Window(cpu, profile ? statementProfile : null);
                            LoadRun.Result result = LoadRun.run(which.kind.label, clients,
                                    SETTLE, measure.dividedBy(rounds), window, which.operation);
                            System.out.printf(Locale.ROOT, "round %d: %-45s @%d %7.0f ops/s  (machine: %.2f of %d "
                                            + "cores busy, %.2f by others)%n", round, which.kind.label, clients,
                                    result.rate(), window.usage.machineCores(),
                                    Runtime.getRuntime().availableProcessors(), window.usage.otherCores());
                            measured.merge(which.kind, new Measured(result, window.usage, statementProfile,
                                    result.rate(), result.rate()), Measured::plus);
                        }
                    }
                    measured.forEach((kind, m) -> rows.add(new Row(kind, m)));
                }
                if (cases.stream().anyMatch(c -> c.kind == Kind.UNSIGNED)) {
                    System.out.println("signing alone, on this thread, nothing else running here ...");
                    signature = SignatureCost.measure(sample, signed.signingKey(), measure.dividedBy(rounds));
                }
            }
        }
        report();
    }

    private void report() {
        System.out.println();
        System.out.println("| case | clients | ops/s | (rounds: min–max) | p50 ms | p99 ms | errors "
                + "| CPU µs/op: calling thread / JVM / PostgreSQL | cores busy: JVM / PostgreSQL / other work |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|---|");
        for (Row row : rows) {
            System.out.println(row.format());
        }
        System.out.println();
        for (int clients : clientCounts) {
            ratio("Sijil / plain", Kind.SIJIL, Kind.PLAIN, clients,
                    clients == 8 ? String.format(Locale.ROOT, " (goal >= 0.50 with p99 <= 20 ms; p99 %.1f ms)",
                            find(Kind.SIJIL, clients).measured.result.p99Millis()) : "");
            ratio("signing on / off", Kind.SIJIL, Kind.UNSIGNED, clients, " (goal >= 0.90)");
            signingBound(clients);
            ratio("group commit on / off", Kind.SIJIL, Kind.ALONE, clients, "");
            ratio("Sijil, group commit off / plain", Kind.ALONE, Kind.PLAIN, clients, "");
            ratio("Sijil's statements in plain JDBC / plain", Kind.STATEMENTS, Kind.PLAIN, clients, "");
            ratio("Sijil, group commit off / Sijil's statements in plain JDBC", Kind.ALONE, Kind.STATEMENTS,
                    clients, "");
            if (http) {
                ratio("HTTP / command gateway", Kind.HTTP, Kind.SIJIL, clients, "");
            }
        }
        if (profile) {
            for (Row row : rows) {
                if (row.kind == Kind.PLAIN || row.measured.result.operations() == 0) {
                    continue;
                }
                System.out.println();
                System.out.printf("statements per operation, %s @%d (mean server time per call; COMMIT is not "
                        + "listed by pg_stat_statements, the transactions committed are counted from "
                        + "pg_stat_database, which backends update about once a second):%n", row.kind.label,
                        row.measured.result.clients());
                for (StatementProfile.Line line : row.measured.statements.lines()) {
                    double perOp = (double) line.calls() / row.measured.result.operations();
                    if (perOp >= 0.05) {
                        System.out.printf(Locale.ROOT, "  %5.2f x %7.3f ms  %s%n", perOp, line.meanMillis(),
                                line.shortQuery());
                    }
                }
            }
        }
    }

    private void ratio(String label, Kind numerator, Kind denominator, int clients, String goal) {
        Row top = find(numerator, clients);
        Row bottom = find(denominator, clients);
        if (top != null && bottom != null) {
            System.out.printf(Locale.ROOT, "%s @%d: %.2fx%s%n", label, clients,
                    top.measured.result.rate() / bottom.measured.result.rate(), goal);
        }
    }

    /**
     * What signing on / off should come to, given what one signature costs alone: if the cores are the
     * limit, a signed birth costs the unsigned birth's CPU plus one signature; if each birth waited only
     * for its own signature, it would take the unsigned birth's wall time plus one signature. A machine
     * with some cores idle lands between the two.
     */
    private void signingBound(int clients) {
        Row unsigned = find(Kind.UNSIGNED, clients);
        if (signature == null || unsigned == null || unsigned.measured.result.operations() == 0) {
            return;
        }
        double cpu = unsigned.cpuMicros();
        double wall = clients * 1e6 / unsigned.measured.result.rate();
        System.out.printf(Locale.ROOT, "  one signature alone: %.1f µs of CPU for the birth's %d B entry, %.1f µs "
                        + "for 0 B; an unsigned birth @%d: %.0f µs of CPU (JVM + PostgreSQL), %.0f µs per client%n",
                signature.entryMicros(), signature.entryBytes(), signature.emptyMicros(), clients, cpu, wall);
        System.out.printf(Locale.ROOT, "  signing on / off, predicted @%d: %.2fx if the cores are the limit "
                        + "(%.2fx were the entry 0 B), %.2fx if each birth waited only for its own signature%n",
                clients, cpu / (cpu + signature.entryMicros()), cpu / (cpu + signature.emptyMicros()),
                wall / (wall + signature.entryMicros()));
        Row plain = find(Kind.PLAIN, clients);
        if (clients == 8 && plain != null && plain.measured.result.operations() > 0) {
            // Sijil / plain >= 0.5 needs a signed birth's CPU <= 2 plain inserts'; signing on / off >= 0.9
            // needs it >= 10 signatures' (the unsigned birth >= 9): both at once, a signature <= plain / 5
            double plainCpu = plain.cpuMicros();
            System.out.printf(Locale.ROOT, "  both goals at once @%d, while the cores are the limit, need a "
                            + "signature of at most a fifth of a plain insert's CPU: %.0f / 5 = %.1f µs; "
                            + "it costs %.1f µs (%.1f µs for 0 B)%n",
                    clients, plainCpu, plainCpu / 5, signature.entryMicros(), signature.emptyMicros());
        }
    }

    private Row find(Kind kind, int clients) {
        return rows.stream().filter(r -> r.kind == kind && r.measured.result.clients() == clients)
                .findFirst().orElse(null);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private enum Kind {
        PLAIN("plain JDBC, 1 row/tx"),
        STATEMENTS("Sijil's statements, plain JDBC, 1 tx"),
        SIJIL("Sijil command gateway"),
        UNSIGNED("Sijil command gateway, signing off"),
        ALONE("Sijil command gateway, group commit off"),
        HTTP("Sijil HTTP POST /api/v1/births"),
        HTTP_URL("Sijil HTTP, HttpURLConnection client");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Case(Kind kind, String database, LoadRun.Operation operation) {
    }

    /** Opens and closes the CPU meter and the statement profile with the measured window. */
    private static final class Window implements LoadRun.Window {
        private final CpuMeter cpu;
        private final StatementProfile statements;
        private CpuMeter.Usage usage;

        Window(CpuMeter cpu, StatementProfile statements) {
            this.cpu = cpu;
            this.statements = statements;
        }

        @Override
        public void opened() {
            if (statements != null) {
                statements.start();
            }
            cpu.start();
        }

        @Override
        public void closed() {
            usage = cpu.stop();
            if (statements != null) {
                statements.stop();
            }
        }
    }

    /** A case's windows so far: merged results, time-weighted CPU, the slowest and fastest window. */
    private record Measured(LoadRun.Result result, CpuMeter.Usage cpu, StatementProfile statements,
                            double minRate, double maxRate) {

        Measured plus(Measured other) {
            return new Measured(result.plus(other.result),
                    cpu.average(result.seconds(), other.cpu, other.result.seconds()), statements,
                    Math.min(minRate, other.minRate), Math.max(maxRate, other.maxRate));
        }
    }

    private record Row(Kind kind, Measured measured) {

        /** CPU per operation of this JVM and the benchmark's PostgreSQL together, in microseconds. */
        double cpuMicros() {
            return (measured.cpu.jvmCores() + measured.cpu.postgresCores()) * 1e6 / measured.result.rate();
        }

        String format() {
            LoadRun.Result r = measured.result;
            CpuMeter.Usage cpu = measured.cpu;
            return String.format(Locale.ROOT,
                    "| %s | %d | %.0f | %.0f–%.0f | %.2f | %.2f | %d | %.0f / %.0f / %.0f | %.2f / %.2f / %.2f |",
                    kind.label, r.clients(), r.rate(), measured.minRate, measured.maxRate, r.p50Millis(),
                    r.p99Millis(), r.errors(), r.clientCpuMicros(), cpu.jvmCores() * 1e6 / r.rate(),
                    cpu.postgresCores() * 1e6 / r.rate(), cpu.jvmCores(), cpu.postgresCores(), cpu.otherCores());
        }
    }
}
