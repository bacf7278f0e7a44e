package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sijil.core.api.EventTypes;
import org.sijil.api.SijilApplication;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.query.view.education.EducationViewProjection;
import org.sijil.query.view.health.HealthViewProjection;
import org.sijil.query.view.interior.InteriorViewProjection;
import org.sijil.query.view.person.PersonFold;
import org.sijil.query.view.person.PersonRecord;
import org.sijil.query.view.person.PersonViewProjection;
import org.sijil.query.view.person.PersonViewQueries;
import org.sijil.query.view.planning.PlanningViewProjection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every view equals a fresh fold of the event store — no event missed, none applied twice — under
 * concurrent writers with a long transaction (a gap in the global index), after processors are shut
 * down and restarted while events stream in, and with two application nodes sharing one PostgreSQL
 * and splitting the views' segments. The fresh fold runs each view's own projection class over
 * {@link EventStore#openStream} into a schema of its own ({@code fold}), and the tables are compared
 * with SQL ({@code EXCEPT ALL} both ways); person documents are also compared with
 * {@link PersonFold} over each person's stream. Also measures how long a new event takes to reach
 * the person view.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionCorrectnessIT {

    /** ID card numbers issued by the writers of every test here: a number is never given to two persons. */
    private static final AtomicLong CARDS = new AtomicLong();

    /** Each view's processing group and its tables. */
    static final Map<String, List<String>> VIEWS = Map.of(
            PersonViewProjection.NAME, List.of("view_person", "view_person_name", "view_person_child",
                    "view_person_erased"),
            HealthViewProjection.NAME, List.of("view_health_birth", "view_health_death"),
            PlanningViewProjection.NAME, List.of("view_planning_person", "view_planning_fact"),
            InteriorViewProjection.NAME, List.of("view_interior_person", "view_interior_card"),
            EducationViewProjection.NAME, List.of("view_education_child"));

    /** As the views store their documents (QueryConfiguration.VIEW_JSON). */
    static final ObjectMapper VIEW_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final String[] GIVEN = {"محمد", "علي", "حسين", "زينب", "فاطمة", "مريم", "عمر", "نور"};

    static Path data;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void startFirstNode() throws Exception {
        data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sijil-correctness-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        nodeA = start("node-a", "--sijil.embedded-postgres.data-dir=" + data.resolve("postgres"),
                "--sijil.embedded-postgres.port=0");
        jdbc = nodeA.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void concurrentWritersWithALongTransactionLeaveNoEventMissedOrRepeated() throws Exception {
        Api api = new Api(port(nodeA));
        UUID slowId = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class));
        CommandGateway commands = nodeA.getBean(CommandGateway.class);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            // one registration holds its transaction 3 s after its event took a global index
            Future<?> slow = pool.submit(() -> transaction.executeWithoutResult(status -> {
                commands.sendAndWait(new RegisterBirthCommand(slowId, NationalNumber.allocate(new SecureRandom()),
                        name("سارة"), Sex.FEMALE, LocalDate.of(2019, 9, 9), new Place("BGD", "BGD-KARKH", null),
                        null, null, "BGD-KARKH-01", Instant.now()),
                        MetaData.with("officer", "correctness-test").and("officerRole", "REGISTRAR"));
                sleep(3000);
            }));
            List<Future<List<String>>> writers = writers(pool, api, 8, 10);
            slow.get();
            for (Future<List<String>> w : writers) {
                assertThat(w.get()).hasSize(10);
            }
        } finally {
            pool.shutdown();
        }
        Long slowIndex = jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, slowId.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex > ?", Long.class,
                slowIndex)).as("events committed above the slow transaction's index: a gap while it was open")
                .isGreaterThan(10);
        assertViewsEqualAFreshFold();
    }

    @Test
    @Order(2)
    void processorsShutDownAndRestartedWhileEventsStreamInMissNothing() throws Exception {
        Api api = new Api(port(nodeA));
        EventProcessingConfiguration processing = nodeA.getBean(EventProcessingConfiguration.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> writers = writers(pool, api, 4, 12);
            for (int round = 0; round < 3; round++) {
                sleep(700);
                for (String view : VIEWS.keySet()) {
                    StreamingEventProcessor processor = processing
                            .eventProcessor(view, StreamingEventProcessor.class).orElseThrow();
                    processor.shutDown();
                    processor.start();
                }
            }
            for (Future<List<String>> w : writers) {
                assertThat(w.get()).hasSize(12);
            }
        } finally {
            pool.shutdown();
        }
        assertViewsEqualAFreshFold();
    }

    @Test
    @Order(3)
    void twoNodesSharingOnePostgresSplitTheSegmentsAndAgree() throws Exception {
        String url;
        String user;
        try (Connection c = nodeA.getBean(DataSource.class).getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        String password = Files.readString(data.resolve("keys/postgres.password")).strip();
        nodeB = start("node-b", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
        // node A started first and holds every segment: it lets go of segment 1 of the segmented views
        EventProcessingConfiguration processing = nodeA.getBean(EventProcessingConfiguration.class);
        List<String> segmented = VIEWS.keySet().stream().filter(v -> !v.equals(PlanningViewProjection.NAME)).toList();
        for (String view : segmented) {
            processing.eventProcessor(view, StreamingEventProcessor.class).orElseThrow().releaseSegment(1);
        }
        ViewPersonIT.await("node B claims segment 1", () -> segmented.stream().allMatch(view -> "node-b".equals(
                jdbc.queryForObject("SELECT owner FROM tokenentry WHERE processorname = ? AND segment = 1",
                        String.class, view))));
        assertThat(jdbc.queryForList("SELECT DISTINCT owner FROM tokenentry WHERE processorname = ?", String.class,
                PersonViewProjection.NAME)).containsExactlyInAnyOrder("node-a", "node-b");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> writers = new ArrayList<>(writers(pool, new Api(port(nodeA)), 4, 10));
            writers.addAll(writers(pool, new Api(port(nodeB)), 4, 10));
            for (Future<List<String>> w : writers) {
                assertThat(w.get()).hasSize(10);
            }
        } finally {
            pool.shutdown();
        }
        assertViewsEqualAFreshFold();
    }

    @Test
    @Order(4)
    void aNewEventReachesThePersonViewWithinASecond() {
        Api api = new Api(port(nodeA));
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                    People.birth(GIVEN[i % GIVEN.length], i % 2 == 0 ? "MALE" : "FEMALE", LocalDate.of(2024, 1, 1 + i),
                            "BGD", null, null));
            long written = System.nanoTime();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String id = r.json().get("personId").asText();
            ViewPersonIT.await("person in view", () -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM view_person WHERE person_id = ?::uuid)", Boolean.class, id)));
            lags.add((System.nanoTime() - written) / 1_000_000);
        }
        Collections.sort(lags);
        System.out.printf("person-view lag over %d writes (two nodes, 2 segments): median %d ms, max %d ms%n",
                lags.size(), lags.get(lags.size() / 2), lags.get(lags.size() - 1));
        assertThat(lags.get(lags.size() / 2)).as("median lag, ms").isLessThanOrEqualTo(1000);
    }

    /** Waits for every view to reach the head of the store, then compares each with a fresh fold. */
    private static void assertViewsEqualAFreshFold() throws Exception {
        ViewPersonIT.await("views caught up", ProjectionCorrectnessIT::caughtUp);
        EventStore store = nodeA.getBean(EventStore.class);
        jdbc.execute("DROP SCHEMA IF EXISTS fold CASCADE");
        jdbc.execute("CREATE SCHEMA fold");
        VIEWS.values().forEach(tables -> tables.forEach(t ->
                jdbc.execute("CREATE TABLE fold." + t + " (LIKE public." + t + " INCLUDING ALL)")));
        try (SingleConnectionDataSource foldSource =
                     new SingleConnectionDataSource(nodeA.getBean(DataSource.class).getConnection(), true)) {
            JdbcTemplate foldJdbc = new JdbcTemplate(foldSource);
            foldJdbc.execute("SET search_path TO fold, public");
            List<AnnotationEventHandlerAdapter> projections = List.of(
                    new AnnotationEventHandlerAdapter(new PersonViewProjection(foldJdbc, VIEW_JSON)),
                    new AnnotationEventHandlerAdapter(new HealthViewProjection(foldJdbc)),
                    new AnnotationEventHandlerAdapter(new PlanningViewProjection(foldJdbc)),
                    new AnnotationEventHandlerAdapter(new InteriorViewProjection(foldJdbc)),
                    new AnnotationEventHandlerAdapter(new EducationViewProjection(foldJdbc)));
            long head = head();
            long events = 0;
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                long position = -1;
                while (position < head) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    position = message.trackingToken().position().orElseThrow();
                    for (AnnotationEventHandlerAdapter projection : projections) {
                        if (projection.canHandle(message)) {
                            projection.handle(message);
                        }
                    }
                    events++;
                }
            }
            foldSource.getConnection().createStatement().execute("SET search_path TO public");
            assertThat(events).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class));
        }
        for (List<String> tables : VIEWS.values()) {
            for (String t : tables) {
                Long differing = jdbc.queryForObject("SELECT count(*) FROM ((TABLE public." + t
                        + " EXCEPT ALL TABLE fold." + t + ") UNION ALL (TABLE fold." + t + " EXCEPT ALL TABLE public."
                        + t + ")) d", Long.class);
                assertThat(differing).as("rows of %s differing from a fresh fold", t).isZero();
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.view_person", Long.class)).isPositive();
        assertPersonDocumentsEqualTheirStreams(store);
    }

    private static void assertPersonDocumentsEqualTheirStreams(EventStore store) {
        PersonViewQueries queries = nodeA.getBean(PersonViewQueries.class);
        List<String> persons = jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry WHERE payloadtype = ?",
                String.class, EventTypes.storedName(BirthRegisteredEvent.class));
        for (String person : persons) {
            List<PersonEvent> events = store.readEvents(person).asStream()
                    .map(EventMessage::getPayload).filter(PersonEvent.class::isInstance)
                    .map(PersonEvent.class::cast).toList();
            PersonRecord folded = PersonFold.fold(events);
            if (folded == null) {
                assertThat(queries.find(UUID.fromString(person))).isEmpty();
            } else {
                assertThat(queries.find(UUID.fromString(person))).get().usingRecursiveComparison()
                        .ignoringFields("children").isEqualTo(folded);
            }
        }
    }

    /** Every segment of every view past the head of the store, with none of its gaps now filled. */
    private static boolean caughtUp() {
        long head = head();
        List<Map<String, Object>> tokens = jdbc.queryForList(
                "SELECT processorname, convert_from(token, 'UTF8') AS token FROM tokenentry WHERE processorname IN ("
                        + String.join(",", Collections.nCopies(VIEWS.size(), "?")) + ")",
                VIEWS.keySet().toArray());
        if (tokens.size() < VIEWS.size()) {
            return false;
        }
        for (Map<String, Object> row : tokens) {
            if (row.get("token") == null) {
                return false;
            }
            JsonNode token = json((String) row.get("token"));
            if (token.path("index").asLong(-1) < head) {
                return false;
            }
            for (JsonNode gap : token.path("gaps")) {
                if (Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex = ?)", Boolean.class,
                        gap.asLong()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code threads} writers each registering {@code count} births, and for some of them a residence
     * change, an ID card and a death; each returns the persons it registered.
     */
    private static List<Future<List<String>>> writers(ExecutorService pool, Api api, int threads, int count) {
        AtomicLong n = new AtomicLong();
        // fetched here: the client's token cache is not for concurrent use
        api.token("registrar-baghdad");
        api.token("admin");
        List<Future<List<String>>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    long k = n.incrementAndGet();
                    Api.Response r = api.post("/api/v1/births", "registrar-baghdad", People.birth(
                            GIVEN[(int) (k % GIVEN.length)], k % 2 == 0 ? "MALE" : "FEMALE",
                            LocalDate.of(2015 + (int) (k % 8), 1 + (int) (k % 12), 1 + (int) (k % 28)), "BGD",
                            null, null));
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    String id = r.json().get("personId").asText();
                    if (k % 3 == 0) {
                        ok(api.post("/api/v1/persons/" + id + "/residence-changes", "registrar-baghdad",
                                "{\"residence\": {\"governorate\": \"BGD\", \"district\": \"BGD-RUSAFA\"}, "
                                        + "\"since\": \"2023-01-01\"}"));
                        ok(api.post("/api/v1/persons/" + id + "/id-cards", "registrar-baghdad",
                                "{\"cardNumber\": \"PC" + (1_000_000 + CARDS.incrementAndGet())
                                        + "\", \"issuedOn\": \"2023-02-01\", "
                                        + "\"expiresOn\": \"2033-02-01\"}"));
                    }
                    if (k % 5 == 0) {
                        ok(api.post("/api/v1/persons/" + id + "/death", "registrar-baghdad",
                                "{\"dateOfDeath\": \"2024-03-03\", \"placeOfDeath\": {\"governorate\": \"BGD\"}}"));
                    }
                    if (k % 7 == 0) {
                        ok(api.post("/api/v1/persons/" + id + "/erasure", "admin",
                                "{\"legalReference\": \"قرار محكمة 2025/" + k + "\"}"));
                    }
                    ids.add(id);
                }
                return ids;
            }));
        }
        return writers;
    }

    private static ConfigurableApplicationContext start(String node, String... database) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--sijil.data-dir=" + data,
                "--sijil.keys-dir=" + data.resolve("keys"),
                "--sijil.master-key-file=" + data.resolve("keys/master.key"),
                "--sijil.security.dev-issuer.enabled=true",
                "--sijil.query.segments=2",
                "--sijil.query.node-id=" + node,
                // each node runs its own embedded Kafka, with its own data
                "--sijil.feeds.embedded.port=0",
                "--sijil.feeds.embedded.data-dir=" + data.resolve("kafka-" + node)));
        args.addAll(List.of(database));
        return new SpringApplicationBuilder(SijilApplication.class).run(args.toArray(String[]::new));
    }

    private static PersonName name(String given) {
        return new PersonName(new LineageName(given, "كريم", "حسن", "العبيدي", "ليلى", "جعفر"), null, null);
    }

    private static long head() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
