package org.sijil.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.rfc6962.Rfc9162;
import org.sijil.api.rfc6962.SignedNotes;
import org.sijil.core.api.person.ChangeNameCommand;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.query.feed.FeedDelivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to ministry topics are reads of persons' data, recorded as access events before the
 * message is sent: listed in the person's access history with the legal bases and categories, once
 * per (event, ministry) however often a batch is retried, and when they cannot be stored nothing
 * reaches the ministry topic while the registry goes on registering.
 */
class FeedAccessIT extends FeedTestBase {

    private static final String HEALTH = "sijil.ministry.health";
    private static final UUID DEMO_CITIZEN = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @BeforeEach
    void healthHasALegalBasis() {
        synchronized (FeedAccessIT.class) {
            Long bases = jdbc.queryForObject("SELECT count(*) FROM legal_basis_index WHERE ministry = 'health'",
                    Long.class);
            if (bases == null || bases == 0) {
                // the categories FeedIT gives health, so the two tests agree on what health receives
                recordLegalBasis("health", "births-and-deaths", "IDENTITY", "CIVIL_STATUS");
            }
        }
    }

    @Test
    void aBirthDeliveredToHealthIsInThePersonsAccessHistoryOnceWithItsBasesAndCategories() throws Exception {
        String person = registerOverHttp("مريم");
        String birth = eventIdsOf(person).get(0);
        UUID accessId = accessIdOf(birth, "health");

        List<Message> health = awaitAll(HEALTH, Set.of(birth), Duration.ofSeconds(60));

        // the message is on the topic, so its access was committed before it was sent
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM access_history WHERE person_id = ? "
                + "AND organisation = 'health'", UUID.fromString(person));
        assertThat(rows).as("one delivery, one access record").hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("access_id")).isEqualTo(accessId);
        assertThat(row.get("organisation")).isEqualTo("health");
        assertThat(row.get("role")).isEqualTo("MINISTRY");
        assertThat(row.get("purpose")).isEqualTo("feed:" + HEALTH);
        assertThat(row.get("basis_kind")).isEqualTo("LEGAL_BASIS");
        assertThat(row.get("basis_id")).isEqualTo(String.join(",", healthBases()));
        assertThat(row.get("outcome")).isEqualTo("GRANTED");
        Message sent = health.stream().filter(m -> birth.equals(m.eventId())).findFirst().orElseThrow();
        List<String> categories = new ArrayList<>();
        sent.value().get("categories").forEach(c -> categories.add(c.asText()));
        assertThat(categories).containsExactly("IDENTITY", "CIVIL_STATUS");
        assertThat(jdbc.queryForObject("SELECT array_to_string(categories, ',') FROM access_history "
                + "WHERE access_id = ?", String.class, accessId)).isEqualTo(String.join(",", categories));
    }

    @Test
    void theCitizenSeesTheDeliveryInTheirHistoryWithAProofOnceSequenced() throws Exception {
        commands.sendAndWait(new ChangeNameCommand(DEMO_CITIZEN, null,
                new PersonName(new LineageName("حيدر", "كريم", "جاسم", "العبيدي", "سعاد", "مهدي"), null,
                        new LineageName("Haidar", "Karim", "Jasim", "Al-Obaidi", "Suad", "Mahdi")),
                LocalDate.of(2026, 3, 1), "Karkh Personal Status Court 118/2026", "BGD-KARKH-01", Instant.now()));
        List<String> events = eventIdsOf(DEMO_CITIZEN.toString());
        String nameChange = events.get(events.size() - 1);
        awaitAll(HEALTH, Set.of(nameChange), Duration.ofSeconds(60));
        String accessId = accessIdOf(nameChange, "health").toString();

        JsonNode history = null;
        JsonNode entry = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            history = api.get("/api/v1/citizens/me/accesses?organisation=health", "citizen-demo").json();
            List<JsonNode> matching = new ArrayList<>();
            history.get("accesses").forEach(e -> {
                if (e.get("accessId").asText().equals(accessId)) {
                    matching.add(e);
                }
            });
            assertThat(matching).as("the delivery is listed once, as soon as it is on the topic").hasSize(1);
            entry = matching.get(0);
            if (!entry.get("pending").asBoolean()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(entry.get("role").asText()).isEqualTo("MINISTRY");
        assertThat(entry.get("purpose").asText()).isEqualTo("feed:" + HEALTH);
        assertThat(entry.get("basisKind").asText()).isEqualTo("LEGAL_BASIS");
        assertThat(entry.get("basisId").asText()).isEqualTo(String.join(",", healthBases()));
        assertThat(entry.get("categories").toString()).isEqualTo("[\"IDENTITY\"]");
        assertThat(entry.get("outcome").asText()).isEqualTo("GRANTED");
        assertThat(entry.get("pending").asBoolean()).as("a checkpoint covered the delivery within a minute").isFalse();

        String note = history.get("checkpoint").asText();
        SignedNotes.CheckpointBody checkpoint = SignedNotes.checkpoint(
                SignedNotes.verify(note, api.get("/api/v1/log/verifier-key", null).body()));
        JsonNode proof = entry.get("proof");
        Base64.Decoder base64 = Base64.getDecoder();
        List<byte[]> path = new ArrayList<>();
        proof.get("hashes").forEach(h -> path.add(base64.decode(h.asText())));
        assertThat(Rfc9162.verifyInclusion(entry.get("logIndex").asLong(), checkpoint.size(),
                base64.decode(proof.get("leafHash").asText()), path, checkpoint.root())).isTrue();
    }

    @Test
    void aBatchRetriedAfterItsAccessesWereStoredRecordsEachDeliveryOnce() throws Exception {
        quiesce();
        List<String> people = new ArrayList<>();
        feedProcessor().shutDown();
        try {
            for (int i = 0; i < 5; i++) {
                people.add(registerBirth().toString());
            }
            // the batch holding the first birth (and maybe more) stores its accesses, then the
            // publisher dies right after sending the first birth's health message
            faults.crashAfterSendingTo(HEALTH);
        } finally {
            feedProcessor().start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int crashesBefore = faults.crashes();
        while (faults.crashes() == crashesBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(faults.crashes()).as("the publisher died mid-batch").isEqualTo(crashesBefore + 1);
        assertThat(healthAccessesOf(List.of(people.get(0)))).as("stored before the crash").hasSize(1);
        feedProcessor().shutDown();
        feedProcessor().start();

        Set<String> births = new LinkedHashSet<>();
        people.forEach(p -> births.add(eventIdsOf(p).get(0)));
        List<Message> health = awaitAll(HEALTH, births, Duration.ofSeconds(90));
        assertThat(health.stream().filter(m -> births.contains(m.eventId())).count())
                .as("the first birth went to health twice").isEqualTo(births.size() + 1L);
        for (String person : people) {
            assertThat(healthAccessesOf(List.of(person)))
                    .as("one access record for the birth of %s however often it was sent", person)
                    .containsExactly(accessIdOf(eventIdsOf(person).get(0), "health"));
        }
    }

    @Test
    void accessesThatCannotBeStoredStopTheMinistryTopicNotTheRegistry() throws Exception {
        quiesce();
        // a sequence is not rolled back with the refused insert: it counts the attempts
        jdbc.execute("CREATE SEQUENCE sijil_test_refused_accesses");
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_feed_access() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.payloadtype LIKE '%AccessRecordedEvent' THEN
                        PERFORM nextval('sijil_test_refused_accesses');
                        RAISE EXCEPTION 'access events refused for this test';
                    END IF;
                    RETURN NEW;
                END;
                $$""");
        jdbc.execute("CREATE TRIGGER sijil_test_refuse_feed_access BEFORE INSERT ON domainevententry "
                + "FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_feed_access()");
        List<String> people = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                people.add(registerOverHttp("زينب"));
                people.add(registerBirth().toString());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (refusedAccesses() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(refusedAccesses()).as("the batch's accesses were refused, and retried").isGreaterThanOrEqualTo(2);
            people.add(registerBirth().toString());
            assertThat(people).as("the registry kept accepting births").hasSize(7);
            Set<String> births = new LinkedHashSet<>();
            people.forEach(p -> births.add(eventIdsOf(p).get(0)));
            assertThat(births).hasSize(7);
            assertThat(read(HEALTH)).as("no delivery without its access record")
                    .noneMatch(m -> births.contains(m.eventId()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM access_history WHERE person_id = ANY(?::uuid[])",
                    Long.class, "{" + String.join(",", people) + "}")).isZero();
        } finally {
            jdbc.execute("DROP TRIGGER sijil_test_refuse_feed_access ON domainevententry");
            jdbc.execute("DROP FUNCTION sijil_test_refuse_feed_access()");
            jdbc.execute("DROP SEQUENCE sijil_test_refused_accesses");
        }
        Set<String> births = new LinkedHashSet<>();
        people.forEach(p -> births.add(eventIdsOf(p).get(0)));
        awaitAll(HEALTH, births, Duration.ofSeconds(120));
        for (String person : people) {
            assertThat(healthAccessesOf(List.of(person)))
                    .containsExactly(accessIdOf(eventIdsOf(person).get(0), "health"));
        }
        // and the notification topic has every event, the accesses' own included
        quiesce();
    }

    @Test
    void accessEventsGoToTheNotificationTopicOnlyNeverToAMinistry() throws Exception {
        String person = registerOverHttp("علي");
        String birth = eventIdsOf(person).get(0);
        awaitAll(HEALTH, Set.of(birth), Duration.ofSeconds(60));
        String access = jdbc.queryForObject("SELECT event_id FROM access_history WHERE access_id = ?", String.class,
                accessIdOf(birth, "health"));
        Message notification = awaitAll(NOTIFICATIONS, Set.of(access), Duration.ofSeconds(60)).stream()
                .filter(m -> access.equals(m.eventId())).findFirst().orElseThrow();
        assertThat(notification.value().get("eventType").asText()).isEqualTo("AccessRecordedEvent");

        Set<String> accessEvents = new LinkedHashSet<>(jdbc.queryForList("SELECT eventidentifier FROM "
                + "domainevententry WHERE payloadtype = 'org.sijil.core.api.AccessRecordedEvent'", String.class));
        for (String ministry : List.of("health", "interior", "education", "planning", "finance")) {
            assertThat(read("sijil.ministry." + ministry)).as(ministry)
                    .noneMatch(m -> accessEvents.contains(m.eventId()))
                    .noneMatch(m -> m.headers().get("event-type").startsWith("Access"));
        }
    }

    /**
     * Waits until the notification topic holds every stored event, twice: the second time for the
     * accesses that the first round's deliveries stored, whose own publication stores nothing.
     */
    private void quiesce() throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            Set<String> all = new LinkedHashSet<>(jdbc.queryForList(
                    "SELECT eventidentifier FROM domainevententry ORDER BY globalindex", String.class));
            awaitAll(NOTIFICATIONS, all, Duration.ofSeconds(90));
        }
    }

    private List<UUID> healthAccessesOf(List<String> people) {
        return jdbc.queryForList("SELECT access_id FROM access_history WHERE organisation = 'health' "
                + "AND person_id = ANY(?::uuid[])", UUID.class, "{" + String.join(",", people) + "}");
    }

    private long refusedAccesses() {
        Long n = jdbc.queryForObject("SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                + "FROM sijil_test_refused_accesses", Long.class);
        return n == null ? 0 : n;
    }

    /** The health bases in force, sorted: what a delivery to health rests on here. */
    private List<String> healthBases() {
        return jdbc.queryForList("SELECT legal_basis_id::text FROM legal_basis_index WHERE ministry = 'health' "
                + "AND repealed_at IS NULL ORDER BY legal_basis_id::text COLLATE \"C\"", String.class);
    }

    private static UUID accessIdOf(String eventId, String ministry) {
        return new FeedDelivery(eventId, DEMO_CITIZEN, ministry, "sijil.ministry." + ministry, List.of(), Set.of())
                .accessId();
    }
}
