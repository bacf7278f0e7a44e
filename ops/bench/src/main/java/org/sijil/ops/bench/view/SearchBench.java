package org.sijil.ops.bench.view;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.ops.bench.BenchApplication;
import org.sijil.ops.bench.DurablePostgres;
import org.sijil.query.view.person.PersonFold;
import org.sijil.query.view.person.PersonRecord;
import org.sijil.query.view.person.PersonViewProjection;
import org.sijil.query.view.person.PersonViewQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Name search at register scale (10^6 persons and more), against the exact national-number lookup in
 * the same run.
 *
 * <ol>
 *   <li>Starts a fresh embedded PostgreSQL 17 on a free port in a temporary directory, with the
 *       application's settings (fsync, synchronous commit and full-page writes on; a larger
 *       {@code max_wal_size} and {@code maintenance_work_mem} for the bulk load), and applies the
 *       application's Flyway migrations — the same tables and indexes as the application.</li>
 *   <li>Seeds the person view directly, not through the event store (generating 10^6 persons' events
 *       and replaying them takes most of an hour on a 2-core machine): for each person a
 *       {@link BirthRegisteredEvent} is folded by the projection's own {@link PersonFold} into the
 *       {@code view_person} document, and its search rows are built by the projection's own
 *       {@link PersonViewProjection#lineage} (so by {@code ArabicNormalizer}), one row per script, as
 *       the projection writes them. Rows go in with {@code COPY}; the secondary indexes of both tables
 *       are dropped before and re-created after from their own definitions ({@code pg_indexes}), then
 *       the tables are analysed.</li>
 *   <li>Names come from {@link IraqiNames}: Zipf-distributed Iraqi Arab and Kurdish given and family
 *       names, so that common names are common.</li>
 *   <li>Times {@link PersonViewQueries#search} (limit 20) for persons drawn uniformly from the register:
 *       full lineage (given, father, grandfather) in Arabic, given and father only, the Kurdish name
 *       in Kurdish letters, and the Latin name; and {@link PersonViewQueries#findByNationalNumber}
 *       for the same persons. Each case runs its warm-up queries first, then the measured ones, on
 *       one thread; every query must find the person it was drawn from among its hits (a
 *       full-lineage query, in the first tier).</li>
 *   <li>Prints p50 and p99 per case and the ratio of each p99 to the national-number lookup's; then,
 *       from a second pass under {@link PersonViewQueries#explain}, PostgreSQL's own execution time
 *       of each query's candidate statements (the database's work without the waits for a CPU that
 *       a loaded machine adds); then the plans of the slowest full-lineage query.</li>
 * </ol>
 *
 * <p>Run: {@code java -jar ops/bench/target/sijil-bench.jar search persons=1000000} (docs/benchmarks.md).
 * Other arguments:
 * {@code queries=500} (measured per case), {@code warmup=50}, {@code hold=0} (seconds to keep the
 * seeded database up before measuring, to look into it with {@code psql}).
 */
public final class SearchBench {

    private static final ObjectMapper VIEW_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String[] GOVERNORATES = {"BGD", "NIN", "BSR", "ERB", "SUL", "KRK", "DIY", "ANB", "BBL",
        "KRB", "QAD", "DUH"};
    private static final int LIMIT = 20;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("persons", "1000000", "queries", "500",
                "warmup", "50", "hold", "0"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !options.containsKey(kv[0])) {
                throw new IllegalArgumentException("expected key=value with key in " + options.keySet() + ": " + arg);
            }
            options.put(kv[0], kv[1]);
        }
        int persons = Integer.parseInt(options.get("persons"));
        Path data = BenchApplication.dataDirectory("sijil-search-bench-");
        BenchApplication.logWarningsOnly();
        try (EmbeddedPostgres postgres = DurablePostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setPort(0)
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .start();
             HikariDataSource dataSource = new HikariDataSource()) {
            // a pool, as the application has: statements are prepared once per connection and reused
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(4);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long start = System.nanoTime();
            List<Sampled> sample = seed(dataSource, jdbc, persons);
            System.out.printf("seeded %,d persons (%,d search rows) in %.1f s on PostgreSQL port %d%n",
                    jdbc.queryForObject("SELECT count(*) FROM view_person", Long.class),
                    jdbc.queryForObject("SELECT count(*) FROM view_person_name", Long.class),
                    (System.nanoTime() - start) / 1e9, postgres.getPort());
            hold(Integer.parseInt(options.get("hold")), postgres.getPort());
            measure(jdbc, sample, Integer.parseInt(options.get("queries")), Integer.parseInt(options.get("warmup")));
        } finally {
            delete(data);
        }
    }

    /** A person drawn for the query sample: their name and national number as registered. */
    private record Sampled(UUID personId, String nationalNumber, PersonName name) {
    }

    private static List<Sampled> seed(DataSource dataSource, JdbcTemplate jdbc, int persons) throws Exception {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.query("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.tablename IN ('view_person', 'view_person_name')
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """, rs -> {
                indexes.put(rs.getString(1), rs.getString(2));
            });
        indexes.keySet().forEach(name -> jdbc.execute("DROP INDEX " + name));
        IraqiNames names = new IraqiNames();
        Random random = new Random(20261127);
        SecureRandom numbers = new SecureRandom();
        List<Sampled> sample = new ArrayList<>();
        int chunk = 20_000;
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < persons; from += chunk) {
                StringBuilder people = new StringBuilder();
                StringBuilder rows = new StringBuilder();
                for (int i = from; i < Math.min(persons, from + chunk); i++) {
                    boolean male = random.nextBoolean();
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    String number = NationalNumber.allocate(numbers);
                    PersonName name = names.draw(random, male);
                    LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 85));
                    String governorate = GOVERNORATES[random.nextInt(GOVERNORATES.length)];
                    PersonRecord record = PersonFold.apply(null, new BirthRegisteredEvent(id, number, name,
                            male ? Sex.MALE : Sex.FEMALE, born, new Place(governorate, null, null), null, null,
                            governorate + "-01", born.plusDays(random.nextInt(30)).atStartOfDay()
                                    .toInstant(ZoneOffset.UTC)), 0);
                    people.append(id).append('\t').append(0).append('\t').append(number).append('\t')
                            .append(copyText(VIEW_JSON.writeValueAsString(record))).append('\n');
                    row(rows, id, "ar", name.arabic());
                    row(rows, id, "ckb", name.kurdish());
                    row(rows, id, "latin", name.latin());
                    if (random.nextInt(Math.max(1, persons / 20_000)) == 0) {
                        sample.add(new Sampled(id, number, name));
                    }
                }
                copy.copyIn("COPY view_person (person_id, last_sequence, national_number, document) FROM STDIN",
                        new StringReader(people.toString()));
                copy.copyIn("COPY view_person_name (person_id, script, lineage) FROM STDIN",
                        new StringReader(rows.toString()));
            }
        }
        long start = System.nanoTime();
        indexes.forEach((name, definition) -> jdbc.execute(definition));
        jdbc.execute("VACUUM ANALYZE view_person");
        jdbc.execute("VACUUM ANALYZE view_person_name");
        System.out.printf("re-created %s in %.1f s%n", indexes.keySet(), (System.nanoTime() - start) / 1e9);
        Collections.shuffle(sample, new Random(7));
        return sample;
    }

    private static void row(StringBuilder rows, UUID id, String script, LineageName name) {
        String lineage = PersonViewProjection.lineage(name);
        if (!lineage.isBlank()) {
            rows.append(id).append('\t').append(script).append('\t').append(copyText(lineage)).append('\n');
        }
    }

    /** Escapes a value for COPY's text format. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static void measure(JdbcTemplate jdbc, List<Sampled> sample, int queries, int warmup) {
        PersonViewQueries search = new PersonViewQueries(jdbc, VIEW_JSON);
        List<Sampled> kurds = sample.stream().filter(s -> s.name().kurdish() != null).toList();
        List<Sampled> latins = sample.stream().filter(s -> s.name().latin() != null).toList();
        Map<String, long[]> results = new LinkedHashMap<>();
        Map<String, Function<Sampled, String>> cases = new LinkedHashMap<>();
        Map<String, List<Sampled>> drawnFrom = new LinkedHashMap<>();
        results.put("national number (baseline)", time(sample, queries, warmup, s ->
                search.findByNationalNumber(s.nationalNumber()).map(PersonRecord::personId)
                        .filter(s.personId()::equals).isPresent()));
        cases.put("full lineage, Arabic", s -> words(s.name().arabic(), 3));
        drawnFrom.put("full lineage, Arabic", sample);
        cases.put("given + father, Arabic", s -> words(s.name().arabic(), 2));
        drawnFrom.put("given + father, Arabic", sample);
        cases.put("full lineage, Kurdish letters", s -> words(s.name().kurdish(), 3));
        drawnFrom.put("full lineage, Kurdish letters", kurds);
        cases.put("full lineage, Latin", s -> words(s.name().latin(), 3));
        drawnFrom.put("full lineage, Latin", latins);
        cases.forEach((label, query) -> results.put(label, time(drawnFrom.get(label), queries, warmup,
                s -> found(search.search(query.apply(s), LIMIT), s))));
        double baseline = quantile(results.get("national number (baseline)"), 0.99);
        System.out.printf("%n%-32s %7s  %7s  %7s  %s%n", "wall clock, one thread", "p50 ms", "p99 ms", "max ms",
                "p99 / national number p99");
        results.forEach((label, nanos) -> System.out.printf("%-32s %7.2f  %7.2f  %7.2f  %.2f%n", label,
                quantile(nanos, 0.50), quantile(nanos, 0.99), quantile(nanos, 1.0),
                quantile(nanos, 0.99) / baseline));
        // the same queries' candidate statements as PostgreSQL timed them (EXPLAIN ANALYZE): the
        // database's own work, without the waits for a CPU that a loaded machine adds to the above
        System.out.printf("%n%-32s %7s  %7s  %7s  %s%n", "server execution, candidates", "p50 ms", "p99 ms",
                "max ms", "statements per query (mean)");
        cases.forEach((label, query) -> {
            List<Sampled> drawn = drawnFrom.get(label).subList(0, queries);
            long[] nanos = new long[drawn.size()];
            long statements = 0;
            for (int i = 0; i < nanos.length; i++) {
                for (String line : search.explain(query.apply(drawn.get(i)), LIMIT)) {
                    if (line.startsWith("Execution Time: ")) {
                        nanos[i] += (long) (Double.parseDouble(line.replaceAll("[^0-9.]", "")) * 1e6);
                        statements++;
                    }
                }
            }
            Arrays.sort(nanos);
            System.out.printf("%-32s %7.2f  %7.2f  %7.2f  %.2f%n", label, quantile(nanos, 0.50), quantile(nanos, 0.99),
                    quantile(nanos, 1.0), (double) statements / nanos.length);
        });
        explainSlowest(search, sample, queries);
    }

    /**
     * Whether {@code person} is among the hits; the query (the start of their lineage) can miss them
     * only when more than the limit share it, and then every hit must be a full-lineage match.
     */
    private static boolean found(List<PersonViewQueries.SearchHit> hits, Sampled person) {
        if (hits.stream().anyMatch(h -> h.personId().equals(person.personId()))) {
            return true;
        }
        if (hits.size() < LIMIT) {
            return false;
        }
        return hits.stream().allMatch(h -> h.match() == PersonViewQueries.Match.FULL_LINEAGE);
    }

    private static String words(LineageName name, int count) {
        return String.join(" ", Arrays.asList(name.given(), name.father(), name.grandfather()).subList(0, count));
    }

    private static long[] time(List<Sampled> sample, int queries, int warmup, Function<Sampled, Boolean> query) {
        if (sample.size() < queries + warmup) {
            throw new IllegalStateException("sample of " + sample.size() + " persons, need " + (queries + warmup));
        }
        for (int i = 0; i < warmup; i++) {
            query.apply(sample.get(queries + i));
        }
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            boolean ok = query.apply(sample.get(i));
            nanos[i] = System.nanoTime() - t;
            if (!ok) {
                throw new IllegalStateException("search did not find " + sample.get(i));
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void explainSlowest(PersonViewQueries search, List<Sampled> sample, int queries) {
        Sampled slowest = null;
        long worst = -1;
        for (Sampled s : sample.subList(0, queries)) {
            long t = System.nanoTime();
            search.search(words(s.name().arabic(), 3), LIMIT);
            long took = System.nanoTime() - t;
            if (took > worst) {
                worst = took;
                slowest = s;
            }
        }
        System.out.printf("slowest full-lineage query on a second pass: %s (%.1f ms); its statements:%n",
                words(slowest.name().arabic(), 3), worst / 1e6);
        search.explain(words(slowest.name().arabic(), 3), LIMIT).forEach(System.out::println);
    }

    /** With {@code hold=SECONDS}, leaves the seeded database up that long before measuring, to look into it. */
    private static void hold(int seconds, int port) throws InterruptedException {
        if (seconds > 0) {
            System.out.printf("holding for %d s: psql -h localhost -p %d -U postgres postgres%n", seconds, port);
            Thread.sleep(seconds * 1000L);
        }
    }

    private static double quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
