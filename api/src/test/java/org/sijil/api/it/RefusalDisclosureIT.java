package org.sijil.api.it;

import org.springframework.beans.factory.annotation.Autowired;
import org.sijil.store.JdbcPersonIndex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.core.nationalnumber.NationalNumber;

/**
 * A refusal tells the caller nothing about a person they may not read without that read being
 * recorded. A registrar's write that checks another person's record (a birth's parents, a marriage's
 * spouses, a divorce's wife) leaves an access event in that person's history whatever the outcome;
 * a ministry gets the same answer, byte for byte, for a national number nobody holds as for a
 * person it may not read.
 */
class RefusalDisclosureIT extends ConsentBaseIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    JdbcPersonIndex nationalNumbers;

    @Test
    void parentProbesLeaveOneAccessEventPerProbeInTheParentsHistory() {
        // a Baghdad woman, born 1993-07-02, probed from Ninawa as in the report: her date of birth by
        // parent.born-after-child, her sex by parent.wrong-sex
        String woman = register("registrar-baghdad", People.adultWoman("BGD"));
        long before = accessesOf(woman);

        Api.Response bornBefore = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("يونس", "MALE", LocalDate.of(1993, 7, 1), "NIN", woman, null));
        assertThat(bornBefore.status()).as(bornBefore.toString()).isEqualTo(422);
        assertThat(bornBefore.json().get("code").asText()).isEqualTo("parent.born-after-child");
        Api.Response asFather = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", null, woman));
        assertThat(asFather.json().get("code").asText()).isEqualTo("parent.wrong-sex");
        Api.Response born = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", woman, null));
        assertThat(born.status()).as(born.toString()).isEqualTo(201);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT organisation, role, purpose, basis_kind, outcome "
                + "FROM access_history WHERE person_id = ?::uuid ORDER BY recorded_at", woman);
        assertThat(rows).hasSize((int) before + 3);
        for (Map<String, Object> row : rows.subList((int) before, rows.size())) {
            assertThat(row).containsEntry("role", "REGISTRAR").containsEntry("purpose", "birth.parent-check")
                    .containsEntry("basis_kind", "OFFICIAL_DUTY").containsEntry("outcome", "GRANTED");
            assertThat(row.get("organisation").toString()).startsWith("NIN");
        }

        // a registrar refused for the place reads nothing, so records nothing; nor does an unknown id
        long all = count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'");
        assertThat(api.post("/api/v1/births", "registrar-baghdad",
                People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", woman, null)).status()).isEqualTo(403);
        Api.Response unknown = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", UUID.randomUUID().toString(), null));
        assertThat(unknown.json().get("code").asText()).isEqualTo("person.not-found");
        assertThat(count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'")).isEqualTo(all);
    }

    @Test
    void theCitizenSeesARefusedBirthNamingThemInTheirAccessHistory() {
        long before = accessesOfCitizen();
        Api.Response probe = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", CITIZEN, null));
        assertThat(probe.status()).as(probe.toString()).isEqualTo(422);
        assertThat(accessesOfCitizen()).isEqualTo(before + 1);

        JsonNode latest = latestReadOfCitizen();
        assertThat(latest.get("subject").asText()).isEqualTo("registrar-ninawa");
        assertThat(latest.get("purpose").asText()).isEqualTo("birth.parent-check");
        assertThat(latest.get("basisKind").asText()).isEqualTo("OFFICIAL_DUTY");
    }

    @Test
    void spouseChecksOfAnotherGovernoratesPersonsAreRecorded() {
        String baghdadMan = register("registrar-baghdad", People.adultMan("BGD"));
        String ninawaWoman = register("registrar-ninawa", People.adultWoman("NIN"));
        String baghdadWoman = register("registrar-baghdad", People.adultWoman("BGD"));
        long man = accessesOf(baghdadMan);
        long woman = accessesOf(ninawaWoman);
        long other = accessesOf(baghdadWoman);

        Api.Response marriage = api.post("/api/v1/marriages", "registrar-ninawa", marriage(baghdadMan, ninawaWoman));
        assertThat(marriage.status()).as(marriage.toString()).isEqualTo(201);
        assertThat(accessesOf(baghdadMan)).as("checked from Ninawa").isEqualTo(man + 1);
        assertThat(accessesOf(ninawaWoman)).as("kept by Ninawa").isEqualTo(woman);

        // a refused marriage discloses the husband's sex: recorded too
        Api.Response refused = api.post("/api/v1/marriages", "registrar-ninawa",
                marriage(baghdadWoman, ninawaWoman));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(accessesOf(baghdadWoman)).isEqualTo(other + 1);

        // Baghdad keeps the husband and divorces them; the wife is Ninawa's
        String marriageId = marriage.json().get("marriageId").asText();
        Api.Response divorce = api.post("/api/v1/marriages/" + marriageId + "/divorce", "registrar-baghdad",
                "{\"divorceDate\": \"2024-09-09\", \"courtReference\": \"2024/902\"}");
        assertThat(divorce.status()).as(divorce.toString()).isEqualTo(200);
        assertThat(accessesOf(ninawaWoman)).isEqualTo(woman + 1);
        assertThat(accessesOf(baghdadMan)).isEqualTo(man + 1);
        assertThat(jdbc.queryForList("SELECT purpose FROM access_history WHERE person_id = ?::uuid "
                + "ORDER BY recorded_at", String.class, ninawaWoman)).contains("divorce.spouse-check");
    }

    @Test
    void aMinistryGetsTheSameRefusalForAnUnknownNumberAsForAPersonItMayNotRead() {
        String purpose = purpose("disclosure");
        String unknown = unusedNationalNumber();
        for (String language : List.of("en", "ar", "ckb")) {
            long citizen = accessesOfCitizen();
            long all = count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'");
            Api.Response known = api.get("/api/v1/ministry/persons?nationalNumber=" + citizenNationalNumber
                    + "&purpose=" + purpose, "ministry-health", "Accept-Language", language);
            Api.Response nobody = api.get("/api/v1/ministry/persons?nationalNumber=" + unknown
                    + "&purpose=" + purpose, "ministry-health", "Accept-Language", language);

            assertThat(known.status()).as(known.toString()).isEqualTo(403);
            assertThat(known.json().get("code").asText()).isEqualTo("access.no-basis");
            assertSameAnswer(nobody, known);
            // the denied read of a known person stays recorded; for nobody there is nobody to record
            assertThat(accessesOfCitizen()).isEqualTo(citizen + 1);
            assertThat(count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'"))
                    .isEqualTo(all + 1);
        }
    }

    @Test
    void theInteriorViewGivesTheSameRefusalForAnUnknownNumberAsForAPersonItMayNotRead() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad", People.adultMan("BGD"));
        assertThat(birth.status()).isEqualTo(201);
        String nationalNumber = birth.json().get("nationalNumber").asText();
        String personId = birth.json().get("personId").asText();
        long position = birth.json().get("position").asLong();
        String purpose = purpose("disclosure");
        long person = accessesOf(personId);

        Api.Response known = api.get("/api/v1/views/interior/persons?nationalNumber=" + nationalNumber
                + "&minPosition=" + position, "ministry-interior", "X-Purpose", purpose);
        Api.Response nobody = api.get("/api/v1/views/interior/persons?nationalNumber=" + unusedNationalNumber()
                + "&minPosition=" + position, "ministry-interior", "X-Purpose", purpose);

        assertThat(known.status()).as(known.toString()).isEqualTo(403);
        assertSameAnswer(nobody, known);
        assertThat(accessesOf(personId)).isEqualTo(person + 1);
    }

    @Test
    void whoMayNotReadPersonsIsRefusedAlikeForAKnownAndAnUnknownId() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        String unknown = UUID.randomUUID().toString();
        // an administrator: the person view, and a record as of before and after the registration
        for (String path : List.of("/api/v1/person-view/%s", "/api/v1/persons/%s/as-of?at=2030-01-01",
                "/api/v1/persons/%s/as-of?at=1990-01-01")) {
            Api.Response known = api.get(path.formatted(person), "admin");
            Api.Response nobody = api.get(path.formatted(unknown), "admin");
            assertThat(known.status()).as(known.toString()).isEqualTo(403);
            assertSameRefusal(nobody, known);
        }

        // a clerk, divorcing a registered marriage and one that never was
        String wife = register("registrar-baghdad", People.adultWoman("BGD"));
        Api.Response marriage = api.post("/api/v1/marriages", "registrar-baghdad", """
                {"husbandId": "%s", "wifeId": "%s", "marriageDate": "2024-01-05",
                 "place": {"governorate": "BGD"}}""".formatted(person, wife));
        assertThat(marriage.status()).as(marriage.toString()).isEqualTo(201);
        String divorce = "{\"divorceDate\": \"2024-09-09\", \"courtReference\": \"2024/903\"}";
        Api.Response known = api.post("/api/v1/marriages/" + marriage.json().get("marriageId").asText()
                + "/divorce", "clerk-baghdad", divorce);
        Api.Response nobody = api.post("/api/v1/marriages/" + unknown + "/divorce", "clerk-baghdad", divorce);
        assertThat(known.status()).as(known.toString()).isEqualTo(403);
        assertSameRefusal(nobody, known);
    }

    /** Same status and problem, but the {@code instance}, which is the path asked for. */
    private static void assertSameRefusal(Api.Response actual, Api.Response expected) {
        assertThat(actual.status()).as(actual.toString()).isEqualTo(expected.status());
        ObjectNode actualProblem = (ObjectNode) actual.json();
        ObjectNode expectedProblem = (ObjectNode) expected.json();
        actualProblem.remove("instance");
        expectedProblem.remove("instance");
        assertThat(actualProblem).isEqualTo(expectedProblem);
    }

    /** Same status, same body, same headers but the date. */
    private static void assertSameAnswer(Api.Response actual, Api.Response expected) {
        assertThat(actual.status()).as(actual.toString()).isEqualTo(expected.status());
        assertThat(actual.body()).isEqualTo(expected.body());
        assertThat(headers(actual)).isEqualTo(headers(expected));
    }

    private static Map<String, List<String>> headers(Api.Response response) {
        Map<String, List<String>> headers = new TreeMap<>(response.raw().headers().map());
        headers.remove("date");
        return headers;
    }

    private String unusedNationalNumber() {
        for (int attempt = 0; ; attempt++) {
            String number = NationalNumber.allocate(RANDOM);
            if (nationalNumbers.personWith(number).isEmpty()) {
                return number;
            }
            assertThat(attempt).as("an unused national number").isLessThan(10);
        }
    }

    private long accessesOf(String personId) {
        return count("SELECT count(*) FROM access_history WHERE person_id = ?::uuid AND subject <> 'kafka-feed'",
                personId);
    }

    private JsonNode latestReadOfCitizen() {
        Api.Response history = api.get("/api/v1/citizens/me/accesses", "citizen-demo");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        for (JsonNode access : history.json().get("accesses")) {
            if (!"kafka-feed".equals(access.get("subject").asText())) {
                return access;
            }
        }
        throw new AssertionError("no access in the citizen's history");
    }

    private static String marriage(String husband, String wife) {
        return """
                {"husbandId": "%s", "wifeId": "%s", "marriageDate": "2024-01-05",
                 "place": {"governorate": "NIN", "locality": "الموصل"}}""".formatted(husband, wife);
    }
}
