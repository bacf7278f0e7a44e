package org.sijil.ops.bench.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sijil.core.api.consent.GrantConsentCommand;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.ops.bench.BenchApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consent-checked, access-logged ministry reads ({@code GET /api/v1/ministry/persons}) against the
 * same read without check and log ({@link BareRead}), in one run of the whole application on its
 * embedded default (PostgreSQL with fsync and synchronous commit on), over real HTTP with real
 * tokens, with births being registered in the background.
 *
 * <p>Open loop: requests are issued on a fixed schedule ({@code BENCH_RATE} per second) by
 * {@code BENCH_CLIENTS} concurrent clients, and each latency is measured from the moment the
 * schedule said to send it — a slow answer delays the ones queued behind it, and that delay is
 * counted (no coordinated omission). Each client keeps one HTTP/1.1 connection alive
 * ({@link PlainHttpClient}), so the load generator takes little of the CPU it shares with the
 * application. Phases: warm-up (both reads, not counted), bare, checked,
 * bare again, checked again; the report gives each read's pooled figures, and the CPU time the whole
 * process (application, load generator, background writes) spent per request in each read's phases,
 * which other work on the machine changes far less than it changes latencies, and the CPU time the
 * application's PostgreSQL spent in the same phases ({@link PostgresCpu}).
 *
 * <p>Settings (environment): {@code BENCH_RATE} (500), {@code BENCH_CLIENTS} (32),
 * {@code BENCH_SECONDS} per measured phase (20), {@code BENCH_WARMUP_SECONDS} (15),
 * {@code BENCH_PERSONS} (300), {@code BENCH_WRITES} background births per second (20),
 * {@code BENCH_FLOOR} (0; 1 also measures {@link FloorRead}, the least a checked and logged read can
 * do, in the same run: each round then runs bare, checked, floor, and the warm-up is split in three).
 */
public final class AccessBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURPOSE = "bench-vaccination";
    private static final OperatingSystemMXBean OS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private AccessBench() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        // the results are printed; threads the embedded Kafka leaves behind must not keep the JVM up
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int rate = setting("BENCH_RATE", 500);
        int clients = setting("BENCH_CLIENTS", 32);
        int seconds = setting("BENCH_SECONDS", 20);
        int warmup = setting("BENCH_WARMUP_SECONDS", 15);
        int personCount = setting("BENCH_PERSONS", 300);
        int writesPerSecond = setting("BENCH_WRITES", 20);
        boolean withFloor = setting("BENCH_FLOOR", 0) != 0;

        Path data = BenchApplication.dataDirectory("sijil-access-bench-");
        try (ConfigurableApplicationContext context = BenchApplication.embedded(data)
                .set("sijil.security.dev-issuer.enabled", true)
                .with(BareRead.class, FloorRead.class)
                .start()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.printf(Locale.ROOT, "data in %s; durability: fsync=%s synchronous_commit=%s%n", data,
                    jdbc.queryForObject("SHOW fsync", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class));
            List<String> numbers = persons(context.getBean(CommandGateway.class), personCount);
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            String ministry = token(http, base, "ministry-health");
            String registrar = token(http, base, "registrar-baghdad");

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong writes = new AtomicLong();
            AtomicLong writeErrors = new AtomicLong();
            Thread writer = new Thread(() -> backgroundWrites(http, base, registrar, writesPerSecond, writing, writes,
                    writeErrors), "background-writes");
            writer.start();

            long accessesBefore = count(jdbc, "SELECT count(*) FROM access_history");
            System.out.printf(Locale.ROOT, "%d persons; %d clients; %d reads/s; %d births/s in the background%n",
                    numbers.size(), clients, rate, writesPerSecond);
            Read bare = new Read("bare read (no check, no log)", "/bench/bare/persons");
            Read checked = new Read("consent-checked, access-logged", "/api/v1/ministry/persons");
            Read floor = new Read("floor: consent decision, one signed durable row", "/bench/floor/persons");
            PostgresCpu postgres = new PostgresCpu(data.resolve("postgres"));
            List<Read> reads = withFloor ? List.of(bare, checked, floor) : List.of(bare, checked);
            for (Read read : reads) {
                run(port, ministry, numbers, read, rate, clients, warmup / reads.size(), false, postgres, jdbc);
            }
            long checkedCounted = 0;
            for (int round = 0; round < 2; round++) {
                for (Read read : reads) {
                    long counted = run(port, ministry, numbers, read, rate, clients, seconds, true, postgres, jdbc);
                    checkedCounted += read == checked ? counted : 0;
                }
            }
            writing.set(false);
            writer.join();
            long accessesAfter = count(jdbc, "SELECT count(*) FROM access_history");

            System.out.println();
            System.out.println("| read | requests | errors | achieved reads/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                    + "| CPU ms/request | PostgreSQL CPU ms/request |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Read read : reads) {
                System.out.println(read.row());
            }
            System.out.printf(Locale.ROOT, "%np99 checked / p99 bare = %.2f; CPU per request checked / bare = %.2f%n",
                    checked.percentile(99) / bare.percentile(99), checked.cpuPerRequest() / bare.cpuPerRequest());
            if (withFloor) {
                System.out.printf(Locale.ROOT, "p99 floor / p99 bare = %.2f; CPU per request floor / bare = %.2f%n",
                        floor.percentile(99) / bare.percentile(99), floor.cpuPerRequest() / bare.cpuPerRequest());
            }
            System.out.printf(Locale.ROOT, "background births stored: %d (%d failed)%n", writes.get(), writeErrors.get());
            System.out.printf(Locale.ROOT, "access records written: %d (checked reads answered 200, warm-up included: %d)%n",
                    accessesAfter - accessesBefore, checked.ok.get());
            System.out.printf(Locale.ROOT, "load average at the end: %s%n",
                    Files.readString(Path.of("/proc/loadavg")).strip());
            if (checkedCounted == 0) {
                System.out.println("no checked read was measured");
            }
        }
    }

    /**
     * PostgreSQL's cumulative counters of the application's database: commits and rows written per table
     * (inserted, updated or deleted). Backends report them at most once a second,
     * so a phase's figures are exact to about a second's work.
     */
    private static Map<String, Long> postgresWork(JdbcTemplate jdbc) {
        Map<String, Long> work = new TreeMap<>();
        jdbc.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
                rs -> {
                    work.put("commits", rs.getLong(1));
                });
        jdbc.query("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables", rs -> {
            work.put("rows written: " + rs.getString(1), rs.getLong(2));
        });
        return work;
    }

    private static String perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        StringBuilder line = new StringBuilder();
        after.forEach((name, value) -> {
            double per = (value - before.getOrDefault(name, 0L)) / (double) requests;
            if (per >= 0.005) {
                line.append(String.format(Locale.ROOT, "%s%s %.2f", line.isEmpty() ? "" : "; ", name, per));
            }
        });
        return line.toString();
    }

    /** One kind of read, with every measured latency in microseconds. */
    private static final class Read {
        final String name;
        final String path;
        final List<long[]> batches = new ArrayList<>();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        long measuredNanos;
        long measured;
        long cpuNanos;
        long postgresCpuNanos = -1;

        Read(String name, String path) {
            this.name = name;
            this.path = path;
        }

        synchronized double percentile(double p) {
            long[] all = all();
            if (all.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * all.length) - 1;
            return all[Math.max(0, Math.min(all.length - 1, i))] / 1000.0;
        }

        synchronized double cpuPerRequest() {
            return measured == 0 ? Double.NaN : cpuNanos / 1e6 / measured;
        }

        synchronized double postgresCpuPerRequest() {
            return measured == 0 || postgresCpuNanos < 0 ? Double.NaN : postgresCpuNanos / 1e6 / measured;
        }

        synchronized long[] all() {
            long[] all = batches.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }

        String row() {
            long[] all = all();
            return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |",
                    name, all.length, errors.get(), measured / (measuredNanos / 1e9), percentile(50), percentile(90),
                    percentile(99), percentile(99.9), all.length == 0 ? Double.NaN : all[all.length - 1] / 1000.0,
                    cpuPerRequest(), postgresCpuPerRequest());
        }
    }

    /** Runs one phase; returns the number of requests measured. */
    private static long run(int port, String token, List<String> numbers, Read read, int rate,
                            int clients, int seconds, boolean measure, PostgresCpu postgres, JdbcTemplate jdbc)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // one kept-alive connection per client thread, as a client with a connection pool would hold
        Queue<PlainHttpClient> connections = new ConcurrentLinkedQueue<>();
        ThreadLocal<PlainHttpClient> connection = ThreadLocal.withInitial(() -> {
            PlainHttpClient c = new PlainHttpClient("localhost", port);
            connections.add(c);
            return c;
        });
        String authorization = "Bearer " + token;
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / rate;
        SecureRandom random = new SecureRandom();
        long cpuBefore = OS.getProcessCpuTime();
        long postgresBefore = postgres.nanos();
        Map<String, Long> writesBefore = postgresWork(jdbc);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            String number = numbers.get(random.nextInt(numbers.size()));
            int slot = i;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.execute(() -> {
                try {
                    int status = connection.get().get(read.path + "?nationalNumber=" + number + "&purpose=" + PURPOSE,
                            authorization);
                    if (status == 200) {
                        read.ok.incrementAndGet();
                    } else if (measure) {
                        read.errors.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    if (measure) {
                        read.errors.incrementAndGet();
                    }
                }
                latencies[slot] = (System.nanoTime() - due) / 1000;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("phase did not finish");
        }
        connections.forEach(PlainHttpClient::close);
        long elapsed = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        long postgresAfter = postgres.nanos();
        Map<String, Long> writesAfter = postgresWork(jdbc);
        if (measure) {
            synchronized (read) {
                read.batches.add(latencies);
                read.measured += total;
                read.measuredNanos += elapsed;
                read.cpuNanos += cpu;
                if (postgresBefore >= 0 && postgresAfter >= 0) {
                    read.postgresCpuNanos = Math.max(0, read.postgresCpuNanos) + postgresAfter - postgresBefore;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s %-32s %d s: p99 %.1f ms%n", measure ? "measured" : "warm-up ", read.name,
                seconds, percentileOf(latencies, 99));
        if (measure) {
            System.out.println("  PostgreSQL per request: " + perRequest(writesBefore, writesAfter, total));
        }
        return measure ? total : 0;
    }

    private static double percentileOf(long[] latencies, double p) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private static void backgroundWrites(HttpClient http, String base, String token, int perSecond,
                                         AtomicBoolean writing, AtomicLong writes, AtomicLong errors) {
        if (perSecond <= 0) {
            return;
        }
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        int n = 0;
        while (writing.get()) {
            String body = """
                    {"name": {"arabic": {"given": "علي", "father": "حسن", "grandfather": "كاظم", "family": "التميمي",
                                          "motherGiven": "زهراء", "maternalGrandfather": "جعفر"}},
                     "sex": "MALE", "dateOfBirth": "%s", "placeOfBirth": {"governorate": "BGD", "locality": "الكرخ"}}
                    """.formatted(LocalDate.of(2024, 1, 1).plusDays(n++ % 300));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/births"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    writes.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Registers the persons read and grants each a repeated consent to the health ministry for the purpose. */
    private static List<String> persons(CommandGateway commands, int count) {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.now();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String number = NationalNumber.allocate(random);
            commands.sendAndWait(new RegisterBirthCommand(id, number,
                    new PersonName(new LineageName("حيدر", "كريم", "جاسم", "الساعدي", "سعاد", "مهدي"), null,
                            new LineageName("Haidar", "Karim", "Jasim", "Al-Saadi", "Suad", "Mahdi")),
                    i % 2 == 0 ? Sex.MALE : Sex.FEMALE, LocalDate.of(1960, 1, 1).plusDays(i * 37L),
                    new Place("BGD", null, "الكرخ"), null, null, "BGD-KARKH-01", now));
            commands.sendAndWait(new GrantConsentCommand(UUID.randomUUID(), id, "health", PURPOSE,
                    "Checking vaccination records", List.of("IDENTITY", "CIVIL_STATUS"), now.minusSeconds(60),
                    now.plus(30, ChronoUnit.DAYS), false, "service-centre", UUID.randomUUID(), "IQ",
                    "https://sijil.example/policy/consent/v1", now));
            numbers.add(number);
        }
        return numbers;
    }

    private static String token(HttpClient http, String base, String identity) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token?as=" + identity))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(r.body());
        return json.get("access_token").asText();
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static int setting(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }
}
