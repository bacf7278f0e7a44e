package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No stored event can stop a view. An event the views cannot apply — stored by SQL, as a tampered or
 * legacy row would be, since requests refuse such text — is parked with its person's later events;
 * everyone else's events go on, the parked ones are counted where operators look, an erasure still
 * reaches every view, and a retry applies them once their cause is repaired.
 *
 * <p>A context of its own (its own data directory, closed after): the dead letters and the health it
 * turns DOWN must not reach the shared integration-test context.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ViewDeadLetterIT {

    static final Path DATA = EmbeddedDefaults.newDataDir();

    /** A Mosul street address with a NUL in it: PostgreSQL refuses U+0000 in text and in jsonb. */
    static final String POISONED_LOCALITY = "الموصل، حي الزهور\u0000شارع 12";

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void anEventTheViewsCannotApplyIsParkedWithItsPersonAndEveryoneElseGoesOn() {
        String poisoned = register(People.adultWoman("NIN"));
        long poison = storePoisonedResidence(poisoned);
        // the person's later event follows the poisoned one into the queue, so their events stay in order
        // (an ID card: a later move would replace the poisoned address before a batch writes it)
        Api.Response card = api.post("/api/v1/persons/" + poisoned + "/id-cards", "registrar-ninawa",
                "{\"cardNumber\": \"DL2024001\", \"issuedOn\": \"2024-02-01\", \"expiresOn\": \"2034-02-01\"}");
        assertThat(card.status()).as(card.toString()).isEqualTo(200);

        // a new birth after them reaches the person view and search; minPosition reads answer
        Api.Response birth = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("ريم", "FEMALE", LocalDate.of(2024, 11, 3), "NIN", null, null));
        assertThat(birth.status()).as(birth.toString()).isEqualTo(201);
        String born = birth.json().get("personId").asText();
        long position = birth.json().get("position").asLong();
        Api.Response read = api.get("/api/v1/person-view/" + born + "?minPosition=" + position, "registrar-ninawa");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        Api.Response found = api.get("/api/v1/search?nationalNumber=" + birth.json().get("nationalNumber").asText()
                + "&minPosition=" + position, "registrar-ninawa");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().at("/hits/0/personId").asText()).isEqualTo(born);
        ViewPersonIT.await("interior view past the poisoned event", () -> jdbc.queryForObject(
                "SELECT count(*) FROM view_interior_person WHERE person_id = ?::uuid", Long.class, born) == 1);

        // the person view and the interior view each parked the two events of that person, and only those
        for (String view : List.of("person-view", "interior-view")) {
            ViewPersonIT.await(view + " dead letters", () -> deadLetters(view).size() == 2);
            List<JsonNode> letters = deadLetters(view);
            assertThat(letters.get(0).get("eventType").asText()).isEqualTo("ResidenceChangedEvent");
            assertThat(letters.get(0).get("position").asLong()).isEqualTo(poison);
            assertThat(letters.get(0).get("causeType").asText()).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(letters.get(1).get("eventId").asText()).isEqualTo(eventIdAt(poisoned, 2));
            assertThat(letters.toString()).doesNotContain("الموصل").doesNotContain("\\u0000");
        }
        for (String view : List.of("health-view", "planning-view", "education-view")) {
            assertThat(deadLetters(view)).isEmpty();
        }
        // parked as stored: personal fields sealed, never in clear
        for (byte[] payload : jdbc.queryForList("SELECT payload FROM deadletterentry", byte[].class)) {
            assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"enc\"").doesNotContain("الموصل");
        }

        // counted where operators look: health, metrics, the projections list
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        String metrics = api.get("/actuator/prometheus", "admin").body();
        assertThat(metrics).contains("sijil_views_dead_letters{view=\"person-view\"} 2.0")
                .contains("sijil_views_dead_letters{view=\"interior-view\"} 2.0")
                .contains("sijil_views_dead_letters{view=\"health-view\"} 0.0");
        Map<String, Long> listed = listedDeadLetters();
        assertThat(listed).containsEntry("person-view", 2L).containsEntry("interior-view", 2L)
                .containsEntry("health-view", 0L);

        // the erasure of that person is never parked: it reaches every view, and drops their dead letters
        Api.Response erasure = api.post("/api/v1/persons/" + poisoned + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/31 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);
        long erased = erasure.json().get("position").asLong();
        assertThat(api.get("/api/v1/person-view/" + poisoned + "?minPosition=" + erased, "registrar-ninawa").status())
                .isEqualTo(404);
        ViewPersonIT.await("erasure in every view", () -> rowsOf(poisoned) == 0 && listedDeadLetters().values()
                .stream().allMatch(n -> n == 0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM view_person_erased WHERE person_id = ?::uuid", Long.class,
                poisoned)).isEqualTo(1);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void parkedEventsAreAppliedByARetryOnceTheirCauseIsRepaired() {
        // a fault in the interior view's table, as a broken release could leave: every insert refused
        jdbc.execute("""
                CREATE FUNCTION test_refuse_interior() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'interior view out of order'; END; $$""");
        jdbc.execute("CREATE TRIGGER test_refuse_interior BEFORE INSERT ON view_interior_person "
                + "FOR EACH ROW EXECUTE FUNCTION test_refuse_interior()");
        String person;
        try {
            person = register(People.adultMan("NIN"));
            Api.Response moved = api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-ninawa",
                    "{\"residence\": {\"governorate\": \"NIN\", \"locality\": \"تلكيف\"}, \"since\": \"2023-05-01\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            List<String> events = List.of(eventIdAt(person, 0), eventIdAt(person, 1));
            ViewPersonIT.await("interior dead letters", () -> eventIds(deadLetters("interior-view")).containsAll(events));
            // the birth failed; the move was parked behind it without being tried
            assertThat(deadLetters("interior-view")).filteredOn(l -> events.contains(l.get("eventId").asText()))
                    .extracting(l -> l.get("cause").isNull() ? null : l.get("cause").asText())
                    .containsExactly("SQL state P0001", null);
            // a retry while the cause is still there keeps the letters, in order
            Api.Response early = api.post("/api/v1/admin/projections/interior-view/dead-letters/retry", "admin", "");
            assertThat(early.status()).as(early.toString()).isEqualTo(200);
            assertThat(eventIds(deadLetters("interior-view"))).containsSubsequence(events);
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_interior ON view_interior_person");
            jdbc.execute("DROP FUNCTION test_refuse_interior()");
        }

        assertThat(api.post("/api/v1/admin/projections/interior-view/dead-letters/retry", "registrar-ninawa", "")
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/projections/interior-view/dead-letters", "registrar-ninawa").status())
                .isEqualTo(403);
        Api.Response retry = api.post("/api/v1/admin/projections/interior-view/dead-letters/retry", "admin", "");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("sequencesApplied").asInt()).isPositive();
        List<JsonNode> left = deadLetters("interior-view");
        assertThat(retry.json().get("remaining").asLong()).isEqualTo(left.size());
        assertThat(eventIds(left)).doesNotContainAnyElementsOf(List.of(eventIdAt(person, 0), eventIdAt(person, 1)));
        assertThat(jdbc.queryForObject("SELECT governorate FROM view_interior_person WHERE person_id = ?::uuid",
                String.class, person)).isEqualTo("NIN");
    }

    private String register(String birthJson) {
        Api.Response r = api.post("/api/v1/births", "registrar-ninawa", birthJson);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("personId").asText();
    }

    /**
     * Stores the person's next event by SQL: a move to an address with a NUL, sealed under the
     * person's key as the store seals it, with metadata and signature copied from their birth (a
     * tampered row). Returns its global index.
     */
    private long storePoisonedResidence(String personId) {
        Map<String, Object> birth = jdbc.queryForMap("SELECT type, metadata, timestamp, signature, signingkeyid "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0", personId);
        SerializedObject<byte[]> payload = eventSerializer.serialize(new ResidenceChangedEvent(UUID.fromString(personId),
                new Place("NIN", null, POISONED_LOCALITY), LocalDate.of(2024, 1, 1), "NIN-01", Instant.now()),
                byte[].class);
        assertThat(new String(payload.getData(), StandardCharsets.UTF_8)).doesNotContain("الموصل");
        return jdbc.queryForObject("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp, signature, signingkeyid)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING globalindex""", Long.class, personId,
                birth.get("type"), UUID.randomUUID().toString(), birth.get("metadata"), payload.getData(),
                payload.getType().getRevision(), payload.getType().getName(), birth.get("timestamp"),
                birth.get("signature"), birth.get("signingkeyid"));
    }

    private String eventIdAt(String personId, long sequenceNumber) {
        return jdbc.queryForObject("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = ?", String.class, personId, sequenceNumber);
    }

    private List<JsonNode> deadLetters(String view) {
        Api.Response r = api.get("/api/v1/admin/projections/" + view + "/dead-letters", "admin");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        r.json().forEach(letters::add);
        return letters;
    }

    private static List<String> eventIds(List<JsonNode> letters) {
        return letters.stream().map(l -> l.get("eventId").asText()).toList();
    }

    private Map<String, Long> listedDeadLetters() {
        Api.Response r = api.get("/api/v1/admin/projections", "admin");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        r.json().forEach(p -> counts.put(p.get("name").asText(), p.get("deadLetters").asLong()));
        return counts;
    }

    /** The person's rows in every view. */
    private long rowsOf(String personId) {
        Long n = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM view_person WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_person_name WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_interior_person WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_health_birth WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_planning_person WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_planning_fact WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_education_child WHERE person_id = ?::uuid)""", Long.class,
                personId, personId, personId, personId, personId, personId, personId);
        return n == null ? 0 : n;
    }
}
