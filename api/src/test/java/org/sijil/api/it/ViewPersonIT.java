package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.EventTypes;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.query.view.person.PersonFold;
import org.sijil.query.view.person.PersonRecord;
import org.sijil.query.view.person.PersonViewQueries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person view against the event store it is built from: each record equals a fresh fold of the
 * person's stream, erasure removes a person from the view and from search, and a replay rebuilds the
 * view without bringing them back. Names are common Iraqi lineage names (see {@link People}).
 */
class ViewPersonIT extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    PersonViewQueries queries;

    @Test
    void eachRecordEqualsAFreshFoldOfTheEventStore() {
        String father = register("registrar-baghdad", People.adultMan("BGD"));
        String mother = register("registrar-baghdad", People.adultWoman("BGD"));
        Api.Response marriage = api.post("/api/v1/marriages", "registrar-baghdad", """
                {"husbandId": "%s", "wifeId": "%s", "marriageDate": "2015-06-01",
                 "place": {"governorate": "BGD", "locality": "محكمة الكرخ"}}
                """.formatted(father, mother));
        assertThat(marriage.status()).as(marriage.toString()).isEqualTo(201);
        String child = register("registrar-baghdad",
                People.birth("حسن", "MALE", LocalDate.of(2020, 1, 5), "BGD", mother, father));
        ok(api.post("/api/v1/persons/" + child + "/residence-changes", "registrar-baghdad", """
                {"residence": {"governorate": "BGD", "locality": "حي المنصور، محلة 605"}, "since": "2021-02-01"}
                """));
        ok(api.post("/api/v1/persons/" + child + "/id-cards", "registrar-baghdad",
                "{\"cardNumber\": \"VW1234567\", \"issuedOn\": \"2023-01-10\", \"expiresOn\": \"2033-01-10\"}"));
        ok(api.post("/api/v1/persons/" + child + "/id-cards/VW1234567/revocation", "registrar-baghdad",
                "{\"revokedOn\": \"2024-05-02\", \"reason\": \"بطاقة مفقودة\"}"));
        ok(api.post("/api/v1/marriages/" + marriage.json().get("marriageId").asText() + "/divorce",
                "registrar-baghdad", "{\"divorceDate\": \"2024-09-09\", \"courtReference\": \"2024/901\"}"));
        Api.Response death = api.post("/api/v1/persons/" + father + "/death", "registrar-baghdad", """
                {"dateOfDeath": "2025-01-20", "placeOfDeath": {"governorate": "BGD"}, "causeOfDeath": "I21.9"}
                """);
        ok(death);

        // a reader waits for its own write with the position the write returned
        long position = death.json().get("position").asLong();
        Api.Response read = api.get("/api/v1/person-view/" + father + "?minPosition=" + position, "registrar-baghdad");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("alive").asBoolean()).isFalse();
        assertThat(read.json().get("causeOfDeath").asText()).isEqualTo("I21.9");
        assertThat(read.json().at("/children/0/personId").asText()).isEqualTo(child);

        for (String person : List.of(father, mother, child)) {
            UUID id = UUID.fromString(person);
            PersonRecord folded = PersonFold.fold(eventsOf(id));
            assertThat(queries.find(id)).get().usingRecursiveComparison().ignoringFields("children")
                    .isEqualTo(folded);
            assertThat(queries.find(id).orElseThrow().children()).extracting(PersonRecord.Child::personId)
                    .containsExactlyInAnyOrderElementsOf(childrenInStore(id));
        }
        JsonNode wife = api.get("/api/v1/person-view/" + mother, "registrar-baghdad").json();
        assertThat(wife.get("civilStatus").asText()).isEqualTo("DIVORCED");
        assertThat(wife.at("/spouses/0/status").asText()).isEqualTo("DIVORCED");
    }

    @Test
    void onlyRegistrarsAndAdministratorsReadThePersonView() {
        String person = register("registrar-ninawa", People.adultMan("NIN"));
        assertThat(api.get("/api/v1/person-view/" + person, "auditor").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/person-view/" + person, "ministry-health").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/person-view/" + person, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/person-view/" + UUID.randomUUID(), "registrar-ninawa").json().get("code").asText())
                .isEqualTo("person.not-found");
    }

    @Test
    void erasureRemovesAPersonFromViewAndSearchAndAReplayDoesNotBringThemBack() {
        // a distinctive lineage so the search below only sees this test's persons
        String erased = register("registrar-ninawa", birth("نرجس", "FEMALE", "1991-02-11", "عبدالستار", "خضير"));
        String kept = register("registrar-ninawa", birth("نرجس", "FEMALE", "1992-08-30", "عبدالستار", "خضير"));
        String childOfErased = register("registrar-ninawa",
                People.birth("يوسف", "MALE", LocalDate.of(2019, 4, 1), "NIN", erased, null));
        await("both in search", () -> search("نرجس عبدالستار خضير").size() == 2);
        // the child's birth may be applied after the two mothers' births
        await("child linked", () -> queries.find(UUID.fromString(erased)).orElseThrow().children().size() == 1);

        Api.Response erasure = api.post("/api/v1/persons/" + erased + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/15 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);
        long position = erasure.json().get("position").asLong();
        assertThat(api.get("/api/v1/person-view/" + erased + "?minPosition=" + position, "registrar-ninawa").status())
                .isEqualTo(404);
        assertGone(erased, kept);
        assertThat(api.get("/api/v1/persons/" + erased + "/as-of?at=2020-01-01", "registrar-ninawa").status())
                .isEqualTo(410);

        Api.Response replay = api.post("/api/v1/admin/projections/person-view/replay", "registrar-ninawa", "");
        assertThat(replay.status()).isEqualTo(403);
        replay = api.post("/api/v1/admin/projections/person-view/replay", "admin", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        await("replay done", () -> {
            JsonNode status = api.get("/api/v1/admin/projections", "admin").json();
            for (JsonNode p : status) {
                if (p.get("name").asText().equals("person-view")) {
                    return !p.get("replaying").asBoolean() && p.get("progress").asDouble() >= 1.0;
                }
            }
            return false;
        });
        await("kept person back", () -> queries.find(UUID.fromString(kept)).isPresent()
                && queries.find(UUID.fromString(childOfErased)).isPresent());
        assertGone(erased, kept);
        assertThat(queries.find(UUID.fromString(childOfErased)).orElseThrow().motherId())
                .as("the child's own record still names its mother's id").isEqualTo(UUID.fromString(erased));
    }

    private void assertGone(String erased, String kept) {
        assertThat(search("نرجس عبدالستار خضير")).containsExactly(kept);
        assertThat(jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM view_person WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_person_name WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_person_child WHERE parent_id = ?::uuid OR child_id = ?::uuid)
                """, Long.class, erased, erased, erased, erased)).isZero();
    }

    private List<String> search(String name) {
        Api.Response r = api.get("/api/v1/search?name=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8), "registrar-ninawa");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("hits").forEach(h -> ids.add(h.get("personId").asText()));
        return ids;
    }

    private List<PersonEvent> eventsOf(UUID personId) {
        return eventStore.readEvents(personId.toString()).asStream()
                .map(m -> (PersonEvent) m.getPayload()).toList();
    }

    private List<UUID> childrenInStore(UUID parent) {
        List<Map<String, Object>> births = jdbc.queryForList(
                "SELECT aggregateidentifier FROM domainevententry WHERE payloadtype = ?",
                EventTypes.storedName(BirthRegisteredEvent.class));
        List<UUID> children = new ArrayList<>();
        for (Map<String, Object> row : births) {
            UUID id = UUID.fromString(row.get("aggregateidentifier").toString());
            BirthRegisteredEvent birth = (BirthRegisteredEvent) eventsOf(id).get(0);
            if (parent.equals(birth.motherId()) || parent.equals(birth.fatherId())) {
                children.add(id);
            }
        }
        return children;
    }

    static String birth(String given, String sex, String dateOfBirth, String father, String grandfather) {
        return """
                {"name": {"arabic": {"given": "%s", "father": "%s", "grandfather": "%s", "family": "الحمداني",
                                      "motherGiven": "سعاد", "maternalGrandfather": "كريم"}},
                 "sex": "%s", "dateOfBirth": "%s", "placeOfBirth": {"governorate": "NIN"}}
                """.formatted(given, father, grandfather, sex, dateOfBirth);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    }
}
