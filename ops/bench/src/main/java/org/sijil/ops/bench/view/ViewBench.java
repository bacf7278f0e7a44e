package org.sijil.ops.bench.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.EventTypes;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.store.DataKeyStore;
import org.sijil.store.EventJson;
import org.sijil.store.PersonalDataSerializer;
import org.sijil.crypto.envelope.MasterKey;
import org.sijil.ops.bench.BenchApplication;
import org.sijil.query.view.person.PersonViewProjection;
import org.sijil.query.view.person.PersonViewQueries;
import org.sijil.query.view.planning.PlanningViewProjection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projection catch-up and name search, each against a plain baseline in the same run.
 *
 * <ol>
 *   <li>Starts the application on a fresh embedded PostgreSQL (fsync and synchronous commit on) with
 *       every event processor stopped.</li>
 *   <li>Generates {@code persons} persons' events — a birth each, a residence change and an ID card
 *       for every second person, a death for every tenth — through the application's own event
 *       storage engine: the real serializer (personal fields sealed with a data key per person) and
 *       the real per-row Ed25519 signing, in batches of 250 persons per transaction on two threads.
 *       The aggregates' rule checks are skipped (they are not what is measured).</li>
 *   <li>Rebuilds the person view, then the planning (statistics) view, alone: reset tokens, start,
 *       time until the processor has passed the head of the store.</li>
 *   <li>Baseline: a hand-written JDBC loop doing the processor's reads and writes without Axon: rows
 *       in global order, the batch size at a time; the batch's persons' data keys read in one query
 *       and unwrapped with the master key; the rows deserialized by the same serializer; the view's
 *       own batch code ({@code PersonViewProjection.Batch}, {@code PlanningViewProjection.Batch})
 *       applied once per batch, one transaction per batch, into a schema of its own. Its tables
 *       must then equal the view's, row for row.</li>
 *   <li>Search: p50/p99 of {@code PersonViewQueries.search} for full lineage names of registered
 *       persons, against the exact national-number lookup.</li>
 * </ol>
 *
 * <p>Run: {@code java -jar ops/bench/target/sijil-bench.jar view PERSONS [SEGMENTS [no-search]]}
 * (docs/benchmarks.md); {@code SEGMENTS} (default 1) is
 * {@code sijil.query.segments}, the person view's processor threads (the planning view always runs
 * one); {@code no-search} leaves the search measurement out.
 */
public final class ViewBench {

    static final String[] MEN = {"محمد", "علي", "حسين", "حسن", "أحمد", "عمر", "مصطفى", "عباس", "جعفر", "كريم", "جاسم",
        "حيدر", "ياسر", "سجاد", "كاظم", "صالح", "خالد", "عبدالله", "إبراهيم", "يوسف", "سعد", "رعد", "قاسم", "مهدي",
        "فاضل", "ناصر", "سلمان", "طارق", "هادي", "ماجد", "عادل", "ستار", "جبار", "رحيم", "نوري", "وليد"};
    static final String[] WOMEN = {"فاطمة", "زينب", "مريم", "نور", "سارة", "هدى", "رقية", "زهراء", "آية", "دعاء",
        "شيماء", "سعاد", "ليلى", "إسراء", "بتول", "نرجس", "حوراء", "رنا", "سلمى", "أسماء"};
    static final String[] FAMILIES = {"الجبوري", "الربيعي", "العبيدي", "الدليمي", "التميمي", "الخفاجي", "الساعدي",
        "الموسوي", "الحسيني", "الشمري", "الزبيدي", "الكعبي", "العزاوي", "البياتي", "الجنابي", "اللامي"};
    static final String[] GOVERNORATES = {"BGD", "NIN", "BSR", "ERB", "SUL", "KRK", "DIY", "ANB", "BBL", "KRB", "QAD"};

    private ViewBench() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int segments = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean search = args.length <= 2 || !args[2].equals("no-search");
        Path data = BenchApplication.dataDirectory("sijil-view-bench-");
        try (ConfigurableApplicationContext app = BenchApplication.embedded(data)
                .set("sijil.query.segments", segments)
                .start()) {
            run(app, persons, search);
        } finally {
            delete(data);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int persons, boolean search) throws Exception {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

        long start = System.nanoTime();
        List<String[]> sample = generate(app, persons);
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        double generated = seconds(start);
        System.out.printf("generated %,d events for %,d persons in %.1f s (%,.0f events/s)%n", events, persons,
                generated, events / generated);

        int batchSize = app.getBean(org.sijil.query.processing.QueryProperties.class).batchSize();
        for (String view : List.of(PersonViewProjection.NAME, PlanningViewProjection.NAME)) {
            double axon = rebuild(processing, view, jdbc);
            processing.eventProcessor(view, StreamingEventProcessor.class).orElseThrow().shutDown();
            double plain = baseline(app, view, batchSize);
            System.out.printf("%s rebuild of %,d events: processor %.1f s = %,.0f events/s; JDBC loop %.1f s = "
                    + "%,.0f events/s; ratio %.2f%n", view, events, axon, events / axon, plain, events / plain,
                    plain / axon);
        }
        if (search) {
            search(app, sample);
        }
    }

    /** Appends the persons' events; returns a sample of {given father grandfather, national number}. */
    private static List<String[]> generate(ConfigurableApplicationContext app, int persons) throws Exception {
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        int perBatch = 250;
        List<String[]> sample = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < persons; from += perBatch) {
            int first = from;
            int last = Math.min(persons, from + perBatch);
            batches.add(pool.submit(() -> {
                Random random = new Random(first);
                SecureRandom numbers = new SecureRandom();
                List<EventMessage<?>> messages = new ArrayList<>();
                for (int i = first; i < last; i++) {
                    personEvents(i, random, numbers, messages, sample);
                }
                transaction.executeWithoutResult(status -> engine.appendEvents(messages));
            }));
        }
        for (Future<?> b : batches) {
            b.get();
        }
        pool.shutdown();
        return sample;
    }

    private static void personEvents(int i, Random random, SecureRandom numbers, List<EventMessage<?>> out,
                                     List<String[]> sample) {
        UUID id = UUID.randomUUID();
        boolean male = random.nextBoolean();
        String given = male ? pick(MEN, random) : pick(WOMEN, random);
        String father = pick(MEN, random);
        String grandfather = pick(MEN, random);
        String governorate = pick(GOVERNORATES, random);
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 74));
        Instant recorded = born.plusDays(random.nextInt(400)).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        String number = NationalNumber.allocate(numbers);
        String office = governorate + "-01";
        Map<String, String> meta = Map.of("officer", "view-bench", "officerRole", "REGISTRAR");
        long seq = 0;
        out.add(new GenericDomainEventMessage<>("Person", id.toString(), seq++, new BirthRegisteredEvent(id, number,
                new PersonName(new LineageName(given, father, grandfather, pick(FAMILIES, random), pick(WOMEN, random),
                        pick(MEN, random)), null, null), male ? Sex.MALE : Sex.FEMALE, born,
                new Place(governorate, null, null), null, null, office, recorded), meta));
        if (i % 2 == 0) {
            out.add(new GenericDomainEventMessage<>("Person", id.toString(), seq++, new ResidenceChangedEvent(id,
                    new Place(governorate, null, "محلة " + random.nextInt(999)), born.plusYears(20), office,
                    recorded.plusSeconds(86_400L * 7000)), meta));
            out.add(new GenericDomainEventMessage<>("Person", id.toString(), seq++, new IdCardIssuedEvent(id,
                    "BN" + (10_000_000 + i), born.plusYears(18), born.plusYears(28), office,
                    recorded.plusSeconds(86_400L * 6600)), meta));
        }
        if (i % 10 == 0) {
            LocalDate died = born.plusYears(60 + random.nextInt(15));
            out.add(new GenericDomainEventMessage<>("Person", id.toString(), seq, new DeathRegisteredEvent(id, died,
                    new Place(governorate, null, null), "I21.9", office,
                    died.plusDays(5).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)), meta));
        }
        if (i % 100 == 0) {
            sample.add(new String[] {given + " " + father + " " + grandfather, number});
        }
    }

    /** Seconds from reset to the processor passing the head of the store. */
    private static double rebuild(EventProcessingConfiguration processing, String view, JdbcTemplate jdbc) {
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        StreamingEventProcessor processor = processing.eventProcessor(view, StreamingEventProcessor.class)
                .orElseThrow();
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        for (int polls = 1; ; polls++) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            boolean done = !status.isEmpty() && status.values().stream().allMatch(s -> {
                OptionalLong p = s.getCurrentPosition();
                // not isReplaying(): Axon refreshes it only with the next batch after the replay's end
                return p.isPresent() && p.getAsLong() >= head;
            });
            if (done) {
                return seconds(start);
            }
            if (polls % 200 == 0) {
                System.out.println(view + " at " + status.values().stream().map(s -> s.getCurrentPosition() + " "
                        + s.isReplaying() + " " + s.getTrackingToken()).toList() + ", head " + head);
            }
            sleep(50);
        }
    }

    /**
     * The same reads and writes as the processor's, by hand: rows in global order, {@code batchSize}
     * at a time; the batch's persons' data keys read in one query and unwrapped with the master key;
     * the rows deserialized by the same serializer over those keys; the view's own batch code applied
     * once per batch, in one transaction per batch, into a schema of its own.
     */
    private static double baseline(ConfigurableApplicationContext app, String view, int batchSize) throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        boolean person = view.equals(PersonViewProjection.NAME);
        List<String> tables = person
                ? List.of("view_person", "view_person_name", "view_person_child", "view_person_erased")
                : List.of("view_planning_person", "view_planning_fact");
        Set<String> handled = person ? null : Set.of(EventTypes.storedName(BirthRegisteredEvent.class),
                EventTypes.storedName(DeathRegisteredEvent.class), EventTypes.storedName(MarriageRegisteredEvent.class),
                EventTypes.storedName(DivorceRegisteredEvent.class), EventTypes.storedName(PersonErasedEvent.class));
        jdbc.execute("DROP SCHEMA IF EXISTS baseline CASCADE");
        jdbc.execute("CREATE SCHEMA baseline");
        tables.forEach(t -> jdbc.execute("CREATE TABLE baseline." + t + " (LIKE public." + t + " INCLUDING ALL)"));
        MasterKey masterKey = app.getBean(MasterKey.class);
        Map<UUID, byte[]> batchKeys = new HashMap<>();
        Serializer serializer = new PersonalDataSerializer(EventJson.serializer(), new BatchKeys(batchKeys),
                new SecureRandom());
        long start = System.nanoTime();
        try (Connection write = dataSource.getConnection(); Connection read = dataSource.getConnection()) {
            write.setAutoCommit(false);
            try (var s = write.createStatement()) {
                s.execute("SET search_path TO baseline, public");
            }
            write.commit();
            JdbcTemplate writer = new JdbcTemplate(new SingleConnectionDataSource(write, true));
            PersonViewProjection.Batch personBatch = new PersonViewProjection.Batch(writer, viewJson());
            PlanningViewProjection.Batch planningBatch = new PlanningViewProjection.Batch(writer);
            long after = -1;
            while (true) {
                List<Row> rows = new ArrayList<>(batchSize);
                int n = 0;
                try (PreparedStatement q = read.prepareStatement("""
                        SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype, payloadrevision, payload
                        FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT ?
                        """)) {
                    q.setLong(1, after);
                    q.setInt(2, batchSize);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            after = rs.getLong(1);
                            n++;
                            if (handled == null || handled.contains(rs.getString(4))) {
                                rows.add(new Row(rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                        rs.getBytes(6)));
                            }
                        }
                    }
                }
                readKeys(write, masterKey, rows, batchKeys);
                for (Row row : rows) {
                    Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(),
                            byte[].class, row.type(), row.revision()));
                    if (payload instanceof PersonEvent event) {
                        if (person) {
                            personBatch.add(event, row.sequence());
                        } else {
                            planningBatch.add(event);
                        }
                    }
                }
                personBatch.flush();
                planningBatch.flush();
                write.commit();
                if (n < batchSize) {
                    break;
                }
            }
        }
        double took = seconds(start);
        long rows = jdbc.queryForObject("SELECT count(*) FROM baseline." + tables.get(0), Long.class);
        long real = jdbc.queryForObject("SELECT count(*) FROM public." + tables.get(0), Long.class);
        if (rows != real) {
            throw new IllegalStateException("baseline wrote " + rows + " rows to " + tables.get(0) + ", the view "
                    + real);
        }
        for (String t : tables) {
            long differing = jdbc.queryForObject("SELECT count(*) FROM ((TABLE public." + t + " EXCEPT ALL TABLE "
                    + "baseline." + t + ") UNION ALL (TABLE baseline." + t + " EXCEPT ALL TABLE public." + t + ")) d",
                    Long.class);
            if (differing != 0) {
                throw new IllegalStateException(differing + " rows of " + t + " differ between the view and the loop");
            }
        }
        jdbc.execute("DROP SCHEMA baseline CASCADE");
        return took;
    }

    /** Replaces {@code keys} with the unwrapped data keys of the rows' persons, read in one query. */
    private static void readKeys(Connection connection, MasterKey masterKey, List<Row> rows, Map<UUID, byte[]> keys)
            throws Exception {
        keys.clear();
        Set<UUID> persons = new HashSet<>();
        rows.forEach(r -> persons.add(UUID.fromString(r.aggregateId())));
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT person_id, wrapped_key FROM person_data_key WHERE person_id = ANY (?)")) {
            q.setArray(1, connection.createArrayOf("uuid", persons.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    byte[] wrapped = rs.getBytes(2);
                    if (wrapped != null) {
                        keys.put(id, masterKey.unwrap(wrapped,
                                ("sijil-data-key/" + id).getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        }
    }

    /** One stored event row, as the loop reads it. */
    private record Row(String aggregateId, long sequence, String type, String revision, byte[] payload) {
    }

    /** The current batch's data keys, for reading only. */
    private record BatchKeys(Map<UUID, byte[]> keys) implements DataKeyStore {

        @Override
        public byte[] dataKeyForWriting(UUID personId) {
            throw new UnsupportedOperationException("the loop only reads");
        }

        @Override
        public Optional<byte[]> dataKeyForReading(UUID personId) {
            return Optional.ofNullable(keys.get(personId));
        }

        @Override
        public void destroy(UUID personId) {
            throw new UnsupportedOperationException("the loop only reads");
        }
    }

    private static void search(ConfigurableApplicationContext app, List<String[]> sample) {
        PersonViewQueries queries = app.getBean(PersonViewQueries.class);
        long persons = app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM view_person", Long.class);
        app.getBean(JdbcTemplate.class).execute("ANALYZE view_person; ANALYZE view_person_name");
        List<String[]> queriesToRun = new ArrayList<>(sample);
        Collections.shuffle(queriesToRun, new Random(7));
        queriesToRun = queriesToRun.subList(0, Math.min(500, queriesToRun.size()));
        long[] byName = time(queriesToRun, q -> queries.search(q[0], 20).size());
        long[] byNumber = time(queriesToRun, q -> queries.findByNationalNumber(q[1]).isPresent() ? 1 : 0);
        System.out.printf("search at %,d persons, %d queries each: name p50 %.1f ms, p99 %.1f ms; national number "
                + "p50 %.1f ms, p99 %.1f ms%n", persons, queriesToRun.size(), ms(byName, 0.50), ms(byName, 0.99),
                ms(byNumber, 0.50), ms(byNumber, 0.99));
    }

    private static long[] time(List<String[]> queries, Function<String[], Integer> query) {
        for (int i = 0; i < Math.min(50, queries.size()); i++) {
            query.apply(queries.get(i));
        }
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            if (query.apply(queries.get(i)) == 0) {
                throw new IllegalStateException("nothing found for " + String.join(" / ", queries.get(i)));
            }
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        return nanos;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static com.fasterxml.jackson.databind.ObjectMapper viewJson() {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
