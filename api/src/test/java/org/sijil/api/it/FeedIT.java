package org.sijil.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.EventTypes;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.IssueIdCardCommand;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterDeathCommand;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.VerificationKey;
import org.sijil.query.feed.FeedCategories;
import org.sijil.query.feed.FeedDelivery;
import org.sijil.query.feed.FeedStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds against the real in-process KRaft broker: the notification topic carries every committed
 * event once, in each person's order, without personal data; each ministry's topic carries only the
 * event types and fields its legal bases cover, with a signature that verifies against
 * {@code GET /api/v1/keys}, and each ministry message's delivery is in the access history.
 */
class FeedIT extends FeedTestBase {

    private static final Set<String> NOTIFICATION_FIELDS = Set.of("format", "eventId", "eventType", "personId",
            "aggregateId", "governorate", "recordedAt", "globalIndex", "logIndex", "keyId", "signature");

    /** One person with a birth, a move, an ID card and a death, seen by every ministry test. */
    private static UUID lifeOfOne;
    private static List<String> lifeEvents;

    @BeforeEach
    void basesAndOneLife() {
        synchronized (FeedIT.class) {
            if (lifeOfOne != null) {
                return;
            }
            recordLegalBasis("health", "births-and-deaths", "IDENTITY", "CIVIL_STATUS");
            recordLegalBasis("interior", "id-card-production", "RESIDENCE", "ID_CARD");
            recordLegalBasis("education", "school-enrolment", "IDENTITY");
            recordLegalBasis("planning", "vital-statistics", "CIVIL_STATUS");
            // finance: no legal basis at all
            UUID id = registerBirth();
            commands.sendAndWait(new ChangeResidenceCommand(id, null, new Place("BSR", null, "حي الجزائر، دار 12"),
                    LocalDate.of(2024, 6, 1), "BSR-CENTRE-01", Instant.now()));
            commands.sendAndWait(new IssueIdCardCommand(id, null, "IQ" + (100000000 + (long) (Math.random() * 1e8)),
                    LocalDate.of(2024, 6, 2), LocalDate.of(2034, 6, 1), "BSR-CENTRE-01", Instant.now()));
            commands.sendAndWait(new RegisterDeathCommand(id, null, LocalDate.of(2024, 7, 1),
                    new Place("BSR", null, "مستشفى البصرة العام"), "P07.3", "BSR-CENTRE-01", Instant.now()));
            lifeOfOne = id;
            lifeEvents = eventIdsOf(id.toString());
            assertThat(lifeEvents).hasSize(4);
        }
    }

    @Test
    void everyCommittedEventReachesTheNotificationTopicOnceInEachPersonsOrder() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(registerOverHttp("يوسف"));
        }
        for (int i = 0; i < 12; i++) {
            UUID id = registerBirth();
            commands.sendAndWait(new ChangeResidenceCommand(id, null, new Place("NIN", null, "الموصل"),
                    LocalDate.of(2024, 8, 1), "NIN-MOSUL-01", Instant.now()));
            commands.sendAndWait(new ChangeResidenceCommand(id, null, new Place("BGD", null, "الكرادة"),
                    LocalDate.of(2024, 9, 1), "BGD-KARKH-01", Instant.now()));
            people.add(id.toString());
        }
        Set<String> mine = new LinkedHashSet<>();
        people.forEach(p -> mine.addAll(eventIdsOf(p)));
        assertThat(mine).hasSize(3 + 12 * 3);
        // every event stored in this context so far, whoever caused it
        Set<String> all = new LinkedHashSet<>(jdbc.queryForList(
                "SELECT eventidentifier FROM domainevententry ORDER BY globalindex", String.class));

        List<Message> messages = awaitAll(NOTIFICATIONS, all, Duration.ofSeconds(90));

        Map<String, Long> copies = messages.stream().filter(m -> mine.contains(m.eventId()))
                .collect(Collectors.groupingBy(Message::eventId, Collectors.counting()));
        assertThat(copies).hasSize(mine.size());
        assertThat(copies.values()).as("no fault happened, so no duplicates either").containsOnly(1L);
        for (String person : people) {
            assertThat(dedupedEventIds(messages, m -> ofPersonsStream(m, person)))
                    .as("person %s in stream order", person).isEqualTo(eventIdsOf(person));
        }
        for (Message m : messages) {
            assertThat(m.headers()).containsKeys("event-id", "event-type", "key-id", "global-index", "signature");
            Set<String> fields = new HashSet<>();
            m.value().fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("notification %s carries no personal field", m.eventId())
                    .isEqualTo(NOTIFICATION_FIELDS);
            assertThat(m.value().get("eventId").asText()).isEqualTo(m.eventId());
        }
        for (String person : people.subList(0, 3)) {
            Message birth = messages.stream().filter(m -> m.eventId().equals(eventIdsOf(person).get(0)))
                    .findFirst().orElseThrow();
            assertThat(birth.value().get("governorate").asText()).isEqualTo("BGD");
            assertThat(birth.value().get("eventType").asText()).isEqualTo("BirthRegisteredEvent");
            assertThat(birth.value().get("personId").asText()).isEqualTo(person);
            assertThat(birth.value().toString()).doesNotContain("يوسف").doesNotContain("الجبوري");
        }
    }

    @Test
    void healthGetsBirthsAndDeathsWithIdentityAndCivilStatusOnly() throws Exception {
        Map<String, JsonNode> got = lifeIn("health");
        assertThat(types(got)).containsExactly("BirthRegisteredEvent", "DeathRegisteredEvent");
        assertThat(fields(got.get(lifeEvents.get(0)))).containsExactlyInAnyOrder("personId", "nationalNumber",
                "name", "sex", "dateOfBirth", "placeOfBirth", "registrationOffice", "recordedAt");
        assertThat(got.get(lifeEvents.get(0)).get("withheld")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("motherId", "fatherId");
        assertThat(got.get(lifeEvents.get(0)).at("/data/name/arabic/given").asText()).isEqualTo("علي");
        assertThat(fields(got.get(lifeEvents.get(3)))).containsExactlyInAnyOrder("personId", "dateOfDeath",
                "placeOfDeath", "causeOfDeath", "registrationOffice", "recordedAt");
        everyMessageCoveredAndVerified("health");
    }

    @Test
    void interiorGetsResidenceAndIdCardsButNoBirthOrDeath() throws Exception {
        Map<String, JsonNode> got = lifeIn("interior");
        assertThat(types(got)).containsExactly("ResidenceChangedEvent", "IdCardIssuedEvent");
        assertThat(fields(got.get(lifeEvents.get(1)))).containsExactlyInAnyOrder("personId", "residence", "since",
                "registrationOffice", "recordedAt");
        assertThat(got.get(lifeEvents.get(2)).at("/data/cardNumber").asText()).startsWith("IQ");
        everyMessageCoveredAndVerified("interior");
    }

    @Test
    void educationGetsIdentityOfBirthsAndNothingOfDeathsOrMoves() throws Exception {
        Map<String, JsonNode> got = lifeIn("education");
        assertThat(types(got)).containsExactly("BirthRegisteredEvent");
        assertThat(got.get(lifeEvents.get(0)).get("categories")).extracting(JsonNode::asText)
                .containsExactly("IDENTITY");
        everyMessageCoveredAndVerified("education");
    }

    @Test
    void planningGetsCivilStatusWithoutIdentityFields() throws Exception {
        Map<String, JsonNode> got = lifeIn("planning");
        assertThat(types(got)).containsExactly("BirthRegisteredEvent", "DeathRegisteredEvent");
        JsonNode birth = got.get(lifeEvents.get(0));
        assertThat(fields(birth)).containsExactlyInAnyOrder("personId", "registrationOffice", "recordedAt");
        // the stored entry shows the sex in clear, which planning may not see: no entry, and it says so
        assertThat(birth.get("signedEntry").isNull()).isTrue();
        assertThat(birth.get("signedEntryWithheld").asText()).contains("'sex'");
        everyMessageCoveredAndVerified("planning");
    }

    @Test
    void financeWithoutALegalBasisGetsNothing() throws Exception {
        lifeIn("health"); // the feed has caught up with the life of one
        assertThat(read("sijil.ministry.finance")).isEmpty();
    }

    /** The life-of-one messages of a ministry's topic, by event id, once the feed has caught up. */
    private Map<String, JsonNode> lifeIn(String ministry) throws Exception {
        awaitAll(NOTIFICATIONS, Set.copyOf(lifeEvents), Duration.ofSeconds(60));
        Map<String, JsonNode> got = new java.util.LinkedHashMap<>();
        for (Message m : read("sijil.ministry." + ministry)) {
            if (lifeEvents.contains(m.eventId())) {
                assertThat(got.put(m.eventId(), opened(m))).as("no duplicate").isNull();
                assertThat(m.key()).isEqualTo(lifeOfOne.toString());
            }
        }
        return got;
    }

    private static List<String> types(Map<String, JsonNode> messages) {
        return messages.values().stream().map(m -> m.get("eventType").asText()).toList();
    }

    private static Set<String> fields(JsonNode message) {
        Set<String> names = new LinkedHashSet<>();
        message.get("data").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void storedRowsAreFoundByEventIdWhateverTheGlobalIndexHintsSay() {
        FeedStore store = new FeedStore(jdbc);
        Map<String, String> byId = describe(store.rows(lifeEvents));
        assertThat(byId).hasSize(4);
        List<Long> indexes = lifeEvents.stream().map(id -> jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE eventidentifier = ?", Long.class, id)).toList();
        long other = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier <> ?",
                Long.class, lifeOfOne.toString());

        // right hints; every hint at the last event (as for events that filled gaps); hints at other events only;
        // the right hints and one of an event not asked for
        assertThat(describe(store.rows(lifeEvents, indexes))).isEqualTo(byId);
        assertThat(describe(store.rows(lifeEvents, List.of(indexes.get(3), indexes.get(3))))).isEqualTo(byId);
        assertThat(describe(store.rows(lifeEvents, List.of(other)))).isEqualTo(byId);
        List<Long> withAnother = new ArrayList<>(indexes);
        withAnother.add(other);
        assertThat(describe(store.rows(lifeEvents, withAnother))).isEqualTo(byId);
        assertThat(describe(store.rows(lifeEvents.subList(0, 2), indexes)))
                .containsOnlyKeys(lifeEvents.subList(0, 2)).isEqualTo(describe(store.rows(lifeEvents.subList(0, 2))));
    }

    /** Each row by event id as text: global index, log index, signed entry and signature bytes. */
    private static Map<String, String> describe(Map<String, FeedStore.Row> rows) {
        Map<String, String> described = new HashMap<>();
        rows.forEach((id, r) -> described.put(id, r.event().globalIndex() + " " + r.logIndex() + " "
                + r.event().entry().eventId() + " " + Base64.getEncoder().encodeToString(r.event().entry().encode())
                + " " + Base64.getEncoder().encodeToString(r.event().signature())));
        return described;
    }

    /**
     * Every message of the ministry's topic: its type is one the ministry's bases in force on the
     * event's day cover, it carries no field of an uncovered category, and its signature verifies
     * over the attached signed entry (whose fields shown in clear agree with the message).
     */
    private void everyMessageCoveredAndVerified(String ministry) throws Exception {
        KeyRing keys = keys();
        List<Message> messages = read("sijil.ministry." + ministry);
        assertThat(messages).isNotEmpty();
        for (Message m : messages) {
            if (erased(m)) {
                continue; // its feed key is destroyed: nothing of it can be opened, which SealedFeedIT checks
            }
            JsonNode v = opened(m);
            Instant at = Instant.parse(v.get("recordedAt").asText());
            Set<DataCategory> covered = coveredAt(ministry, at);
            FeedCategories.Rule rule = FeedCategories.rule(
                    EventTypes.forStoredName("org.sijil.core.api." + v.get("eventType").asText()).orElseThrow());
            assertThat(rule).isNotNull();
            assertThat(rule.delivered(covered)).as("%s to %s", v.get("eventType"), ministry).isTrue();
            v.get("data").fieldNames().forEachRemaining(field -> assertThat(rule.carries(field, covered))
                    .as("%s.%s to %s covering %s", v.get("eventType").asText(), field, ministry, covered).isTrue());
            // the delivery was recorded as the ministry's access, with what the message carries
            UUID accessId = new FeedDelivery(m.eventId(), UUID.fromString(m.key()), ministry, m.topic(), List.of(),
                    Set.of()).accessId();
            List<String> categories = new ArrayList<>();
            v.get("categories").forEach(c -> categories.add(c.asText()));
            assertThat(jdbc.queryForList("SELECT organisation || ' ' || role || ' ' || basis_kind || ' ' || outcome"
                    + " || ' ' || array_to_string(categories, ',') FROM access_history WHERE access_id = ?",
                    String.class, accessId)).as("access record of %s to %s", m.eventId(), ministry)
                    .containsExactly(ministry + " MINISTRY LEGAL_BASIS GRANTED " + String.join(",", categories));
            byte[] signature = Base64.getDecoder().decode(v.get("signature").asText());
            if (!v.get("signedEntry").isNull()) {
                byte[] entryBytes = Base64.getDecoder().decode(v.get("signedEntry").asText());
                keys.verify(v.get("keyId").asText(), entryBytes, signature);
                SignedEntry entry = SignedEntry.decode(entryBytes);
                assertThat(entry.eventId()).isEqualTo(m.eventId());
                assertThat(entry.keyId()).isEqualTo(v.get("keyId").asText());
                JsonNode stored = Api.JSON.readTree(entry.payload());
                stored.properties().forEach(f -> {
                    boolean sealed = f.getValue().isObject() && f.getValue().has("enc");
                    if (!sealed && !f.getValue().isNull()) {
                        assertThat(v.get("data").get(f.getKey())).as("clear field %s", f.getKey())
                                .isEqualTo(f.getValue());
                    }
                });
            }
        }
    }

    /** The categories the ministry's legal bases on file open on the instant's day (an independent reading). */
    private Set<DataCategory> coveredAt(String ministry, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Baghdad"));
        EnumSet<DataCategory> covered = EnumSet.noneOf(DataCategory.class);
        jdbc.query("SELECT categories FROM legal_basis_index WHERE ministry = ? AND valid_from <= ? "
                        + "AND (valid_until IS NULL OR valid_until >= ?) AND (repealed_at IS NULL OR repealed_at > ?)",
                rs -> {
                    for (String c : (String[]) rs.getArray(1).getArray()) {
                        covered.add(DataCategory.valueOf(c));
                    }
                }, ministry, day, day, java.sql.Timestamp.from(at));
        return covered;
    }

    private KeyRing keys() {
        Api.Response r = api.get("/api/v1/keys", null);
        assertThat(r.status()).isEqualTo(200);
        List<VerificationKey> keys = new ArrayList<>();
        r.json().forEach(k -> keys.add(VerificationKey.fromSpkiPem(k.get("pem").asText())));
        Map<String, String> ids = new HashMap<>();
        r.json().forEach(k -> ids.put(k.get("keyId").asText(), k.get("pem").asText()));
        keys.forEach(k -> assertThat(ids).containsKey(k.keyId()));
        return new KeyRing(keys);
    }
}
