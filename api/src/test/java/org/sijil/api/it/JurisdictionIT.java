package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Who keeps a person's record: the registrars of the person's governorate (residence, else birth).
 * A move to another governorate is recorded by the office that keeps the record, never taken by the
 * destination; a death recorded where it happened, outside the person's governorate, leaves the
 * record where it was.
 */
class JurisdictionIT extends IntegrationTest {

    private static final String TO_NINAWA =
            "{\"residence\": {\"governorate\": \"NIN\", \"locality\": \"الموصل، حي الزهور\"}, \"since\": \"2024-02-01\"}";
    private static final String NAME_CHANGE = """
            {"newName": {"arabic": {"given": "عمر", "father": "علي", "grandfather": "حسين",
                         "motherGiven": "فاطمة", "maternalGrandfather": "عباس"}},
             "effectiveDate": "2024-03-01", "legalReference": "2024/12"}""";

    @Test
    void onlyThePersonsOwnGovernorateMovesThemToAnother() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        long events = storedEvents();

        Api.Response takeover = api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-ninawa",
                TO_NINAWA);
        assertThat(takeover.status()).as(takeover.toString()).isEqualTo(403);
        assertThat(takeover.json().get("code").asText()).isEqualTo("access.outside-jurisdiction");
        assertThat(storedEvents()).as("a refused move stores nothing").isEqualTo(events);
        assertThat(api.post("/api/v1/persons/" + person + "/name-changes", "registrar-ninawa", NAME_CHANGE).status())
                .as("Ninawa still does not keep the record").isEqualTo(403);

        Api.Response move = api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-baghdad",
                TO_NINAWA);
        assertThat(move.status()).as(move.toString()).isEqualTo(200);

        // from then on Ninawa keeps the record, and Baghdad no longer does
        assertThat(api.post("/api/v1/persons/" + person + "/name-changes", "registrar-baghdad", NAME_CHANGE).status())
                .isEqualTo(403);
        Api.Response rename = api.post("/api/v1/persons/" + person + "/name-changes", "registrar-ninawa", NAME_CHANGE);
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
    }

    @Test
    void aDeathRecordedInAnotherGovernorateLeavesTheRecordWithThePersonsOwn() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        String deathInNinawa = """
                {"dateOfDeath": "2024-05-01", "placeOfDeath": {"governorate": "NIN", "locality": "الموصل"}}""";

        assertThat(api.post("/api/v1/persons/" + person + "/death", "registrar-baghdad", deathInNinawa).status())
                .as("a death is recorded where it happened").isEqualTo(403);
        Api.Response death = api.post("/api/v1/persons/" + person + "/death", "registrar-ninawa", deathInNinawa);
        assertThat(death.status()).as(death.toString()).isEqualTo(200);
        String deathEventId = death.json().get("eventIds").get(0).asText();
        // Ninawa checked a record it does not keep: that read is in the person's access history
        assertThat(jdbc.queryForList("SELECT purpose FROM access_history WHERE person_id = ?::uuid "
                + "AND organisation LIKE 'NIN%'", String.class, person)).containsExactly("death.person-check");

        // Baghdad still keeps the record: it passes the jurisdiction check (a deceased person's name
        // is not changed, 422) and records the court's correction of the death; Ninawa does neither
        Api.Response rename = api.post("/api/v1/persons/" + person + "/name-changes", "registrar-baghdad",
                NAME_CHANGE);
        assertThat(rename.status()).as(rename.toString()).isEqualTo(422);
        assertThat(rename.json().get("code").asText()).isEqualTo("person.deceased");
        Api.Response ninawaRename = api.post("/api/v1/persons/" + person + "/name-changes", "registrar-ninawa",
                NAME_CHANGE);
        assertThat(ninawaRename.status()).isEqualTo(403);
        assertThat(ninawaRename.json().get("code").asText()).isEqualTo("access.outside-jurisdiction");

        String correction = """
                {"correctedEventId": "%s", "court": "محكمة بداءة الكرخ", "judgmentReference": "2024/88",
                 "judgmentDate": "2024-06-01", "dateOfDeath": "2024-04-30"}""".formatted(deathEventId);
        assertThat(api.post("/api/v1/persons/" + person + "/corrections", "registrar-ninawa", correction).status())
                .isEqualTo(403);
        Api.Response corrected = api.post("/api/v1/persons/" + person + "/corrections", "registrar-baghdad",
                correction);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);

        Api.Response state = api.get("/api/v1/persons/" + person, "registrar-baghdad");
        assertThat(state.json().at("/placeOfBirth/governorate").asText()).isEqualTo("BGD");
        assertThat(state.json().path("residence").isNull() || state.json().path("residence").isMissingNode())
                .as("the death moved nobody").isTrue();
    }
}
