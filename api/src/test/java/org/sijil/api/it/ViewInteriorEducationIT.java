package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Interior's and Education's views through the API: each ministry reads its own view only,
 * corrections move a person between counts, erasure removes them, and a replay rebuilds each view
 * to the same answers without bringing the erased back. Persons live in districts no other test
 * names, since all integration tests share one database. Names are common Iraqi lineage names.
 */
class ViewInteriorEducationIT extends IntegrationTest {

    private static String purpose;

    @Test
    void interiorShowsCardStatusAndResidenceAndForgetsTheErased() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad", birth("مصطفى", "MALE", "1988-04-12",
                "BGD", null));
        assertThat(birth.status()).as(birth.toString()).isEqualTo(201);
        String person = birth.json().get("personId").asText();
        String nationalNumber = api.get("/api/v1/person-view/" + person + "?minPosition="
                + birth.json().get("position").asLong(), "registrar-baghdad").json().get("nationalNumber").asText();
        ok(api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-baghdad", """
                {"residence": {"governorate": "BGD", "district": "BGD-ADHAMIYA", "locality": "حي الجامعة، محلة 639"},
                 "since": "2020-03-01"}
                """));
        long position = ok(api.post("/api/v1/persons/" + person + "/id-cards", "registrar-baghdad",
                "{\"cardNumber\": \"IN7654321\", \"issuedOn\": \"2023-01-10\", \"expiresOn\": \"2033-01-10\"}"));

        JsonNode read = interior(nationalNumber, "2024-01-01", position);
        assertThat(read.get("personId").asText()).isEqualTo(person);
        assertThat(read.get("cardStatus").asText()).isEqualTo("VALID");
        assertThat(read.at("/residence/district").asText()).isEqualTo("BGD-ADHAMIYA");
        assertThat(read.at("/residence/locality").asText()).isEqualTo("حي الجامعة، محلة 639");
        assertThat(interior(nationalNumber, "2022-12-31", null).get("cardStatus").asText()).isEqualTo("NONE");
        assertThat(interior(nationalNumber, "2033-01-11", null).get("cardStatus").asText()).isEqualTo("EXPIRED");
        assertThat(counts("2024-01-01")).containsExactly("BGD-ADHAMIYA VALID 1");

        position = ok(api.post("/api/v1/persons/" + person + "/id-cards/IN7654321/revocation", "registrar-baghdad",
                "{\"revokedOn\": \"2024-05-02\", \"reason\": \"بطاقة مسروقة\"}"));
        assertThat(interior(nationalNumber, "2024-06-01", position).get("cardStatus").asText()).isEqualTo("REVOKED");
        assertThat(interior(nationalNumber, "2024-05-01", null).get("cardStatus").asText()).isEqualTo("VALID");
        assertThat(counts("2024-06-01")).containsExactly("BGD-ADHAMIYA REVOKED 1");

        // the CSV holds the same counts
        Api.Response csv = api.get("/api/v1/views/interior/id-card-status.csv?on=2024-06-01&governorate=BGD",
                "ministry-interior");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = ViewMinistryIT.parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly("governorate", "district", "cardStatus", "persons");
        assertThat(rows).contains(List.of("BGD", "BGD-ADHAMIYA", "REVOKED", "1"));

        // the Interior's view is the Interior's alone
        assertThat(api.get("/api/v1/views/interior/persons?nationalNumber=" + nationalNumber, "ministry-education")
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/views/interior/id-card-status", "registrar-baghdad").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/views/interior/persons?nationalNumber=12", "ministry-interior").status())
                .isEqualTo(400);

        // a death takes the person out of the counts of the living; a court's correction of its date applies
        Api.Response death = api.post("/api/v1/persons/" + person + "/death", "registrar-baghdad",
                "{\"dateOfDeath\": \"2025-02-01\", \"placeOfDeath\": {\"governorate\": \"BGD\"}}");
        ok(death);
        position = ok(api.post("/api/v1/persons/" + person + "/corrections", "registrar-baghdad", """
                {"correctedEventId": "%s", "court": "محكمة بداءة الرصافة", "judgmentReference": "2025/31",
                 "judgmentDate": "2025-03-01", "dateOfDeath": "2025-01-30"}
                """.formatted(death.json().get("eventIds").get(0).asText())));
        read = interior(nationalNumber, "2025-04-01", position);
        assertThat(read.get("alive").asBoolean()).isFalse();
        assertThat(read.get("dateOfDeath").asText()).isEqualTo("2025-01-30");
        assertThat(counts("2024-06-01")).isEmpty();

        // a second person, erased: gone from the view, and a replay does not bring them back
        Api.Response other = api.post("/api/v1/births", "registrar-baghdad", birth("سجاد", "MALE", "1990-01-01",
                "BGD", null));
        String erased = other.json().get("personId").asText();
        ok(api.post("/api/v1/persons/" + erased + "/residence-changes", "registrar-baghdad",
                "{\"residence\": {\"governorate\": \"BGD\", \"district\": \"BGD-ADHAMIYA\"}, \"since\": \"2021-01-01\"}"));
        ok(api.post("/api/v1/persons/" + erased + "/id-cards", "registrar-baghdad",
                "{\"cardNumber\": \"IN1111111\", \"issuedOn\": \"2023-02-01\", \"expiresOn\": \"2033-02-01\"}"));
        ViewPersonIT.await("second person counted",
                () -> counts("2024-06-01").equals(List.of("BGD-ADHAMIYA VALID 1")));
        position = ok(api.post("/api/v1/persons/" + erased + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/17\"}"));
        interior(nationalNumber, "2024-06-01", position);
        assertThat(counts("2024-06-01")).isEmpty();
        assertInteriorForgets(erased);

        replay("interior-view");
        assertThat(interior(nationalNumber, "2024-06-01", null).get("cardStatus").asText()).isEqualTo("REVOKED");
        assertThat(interior(nationalNumber, "2025-04-01", null).get("dateOfDeath").asText()).isEqualTo("2025-01-30");
        assertThat(counts("2024-06-01")).isEmpty();
        assertInteriorForgets(erased);
    }

    @Test
    void educationCountsSchoolEntrantsByDistrictWithCorrectionsAndWithoutTheErased() {
        Api.Response a = api.post("/api/v1/births", "registrar-baghdad",
                birth("ياسر", "MALE", "2020-03-01", "BGD", "BGD-TARMIYA"));
        Api.Response b = api.post("/api/v1/births", "registrar-baghdad",
                birth("مريم", "FEMALE", "2020-05-01", "BGD", "BGD-TARMIYA"));
        Api.Response c = api.post("/api/v1/births", "registrar-baghdad",
                birth("علي", "MALE", "2020-07-01", "BGD", "BGD-TARMIYA"));
        long position = c.json().get("position").asLong();
        assertThat(entrants(2026, position)).containsExactly("BGD-TARMIYA FEMALE 1", "BGD-TARMIYA MALE 2");
        assertThat(api.get("/api/v1/views/education/school-entrants?year=2026", "ministry-interior").status())
                .isEqualTo(403);

        // a move counts the child where they live; a corrected date of birth moves them to another year
        String girl = b.json().get("personId").asText();
        ok(api.post("/api/v1/persons/" + girl + "/residence-changes", "registrar-baghdad",
                "{\"residence\": {\"governorate\": \"BGD\", \"district\": \"BGD-MADAIN\"}, \"since\": \"2022-01-01\"}"));
        String boy = a.json().get("personId").asText();
        position = ok(api.post("/api/v1/persons/" + boy + "/corrections", "registrar-baghdad", """
                {"correctedEventId": "%s", "court": "محكمة بداءة الكرخ", "judgmentReference": "2024/78",
                 "judgmentDate": "2024-06-01", "dateOfBirth": "2019-12-30"}
                """.formatted(a.json().get("eventIds").get(0).asText())));
        assertThat(entrants(2026, position)).containsExactly("BGD-MADAIN FEMALE 1", "BGD-TARMIYA MALE 1");
        assertThat(entrants(2025, null)).containsExactly("BGD-TARMIYA MALE 1");

        // a child who died before school age is not planned for
        String third = c.json().get("personId").asText();
        position = ok(api.post("/api/v1/persons/" + third + "/death", "registrar-baghdad",
                "{\"dateOfDeath\": \"2023-02-01\", \"placeOfDeath\": {\"governorate\": \"BGD\"}}"));
        assertThat(entrants(2026, position)).containsExactly("BGD-MADAIN FEMALE 1");

        Api.Response csv = api.get("/api/v1/views/education/school-entrants.csv?year=2026&governorate=BGD",
                "ministry-education");
        List<List<String>> rows = ViewMinistryIT.parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly("year", "governorate", "district", "sex", "children");
        assertThat(rows).contains(List.of("2026", "BGD", "BGD-MADAIN", "FEMALE", "1"));

        position = ok(api.post("/api/v1/persons/" + girl + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/18\"}"));
        assertThat(entrants(2026, position)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM view_education_child WHERE person_id = ?::uuid",
                Long.class, girl)).isZero();

        replay("education-view");
        assertThat(entrants(2026, null)).isEmpty();
        assertThat(entrants(2025, null)).containsExactly("BGD-TARMIYA MALE 1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM view_education_child WHERE person_id = ?::uuid",
                Long.class, girl)).isZero();
    }

    private void assertInteriorForgets(String personId) {
        assertThat(jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM view_interior_person WHERE person_id = ?::uuid)
                     + (SELECT count(*) FROM view_interior_card WHERE person_id = ?::uuid)
                """, Long.class, personId, personId)).isZero();
    }

    /** The Interior reads a person's card and residence under a recorded legal basis, for this purpose. */
    private JsonNode interior(String nationalNumber, String on, Long minPosition) {
        if (purpose == null) {
            purpose = "id-card-production-" + Long.toHexString(System.nanoTime());
            Api.Response basis = api.post("/api/v1/admin/legal-bases", "admin", """
                    {"law": "National Card Law No. 3 of 2016", "article": "4", "ministry": "interior",
                     "purposes": ["%s"], "categories": ["ID_CARD", "RESIDENCE", "CIVIL_STATUS"],
                     "validFrom": "2016-01-01"}
                    """.formatted(purpose));
            assertThat(basis.status()).as(basis.toString()).isEqualTo(201);
        }
        Api.Response r = api.get("/api/v1/views/interior/persons?nationalNumber=" + nationalNumber + "&on=" + on
                + (minPosition == null ? "" : "&minPosition=" + minPosition), "ministry-interior",
                "X-Purpose", purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** "district status persons" in Baghdad's Adhamiyah district, which only this test's residences name. */
    private List<String> counts(String on) {
        Api.Response r = api.get("/api/v1/views/interior/id-card-status?on=" + on + "&governorate=BGD",
                "ministry-interior");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode row : r.json()) {
            if (row.get("district").asText().equals("BGD-ADHAMIYA")) {
                rows.add(row.get("district").asText() + " " + row.get("cardStatus").asText() + " "
                        + row.get("persons").asLong());
            }
        }
        return rows;
    }

    /** "district sex children" for the two Baghdad districts only this test's births name. */
    private List<String> entrants(int year, Long minPosition) {
        Api.Response r = api.get("/api/v1/views/education/school-entrants?year=" + year + "&governorate=BGD"
                + (minPosition == null ? "" : "&minPosition=" + minPosition), "ministry-education");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode row : r.json()) {
            assertThat(row.get("year").asInt()).isEqualTo(year);
            if (row.get("district").asText().matches("BGD-TARMIYA|BGD-MADAIN")) {
                rows.add(row.get("district").asText() + " " + row.get("sex").asText() + " "
                        + row.get("children").asLong());
            }
        }
        return rows;
    }

    private void replay(String view) {
        Api.Response replay = api.post("/api/v1/admin/projections/" + view + "/replay", "admin", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        ViewPersonIT.await(view + " replayed", () -> {
            for (JsonNode p : api.get("/api/v1/admin/projections", "admin").json()) {
                if (p.get("name").asText().equals(view)) {
                    return !p.get("replaying").asBoolean() && p.get("progress").asDouble() >= 1.0;
                }
            }
            return false;
        });
    }

    static String birth(String given, String sex, String dateOfBirth, String governorate, String district) {
        return """
                {"name": {"arabic": {"given": "%s", "father": "كاظم", "grandfather": "جواد", "family": "الربيعي",
                                      "motherGiven": "هدى", "maternalGrandfather": "صالح"}},
                 "sex": "%s", "dateOfBirth": "%s", "placeOfBirth": {"governorate": "%s"%s}}
                """.formatted(given, sex, dateOfBirth, governorate,
                district == null ? "" : ", \"district\": \"" + district + "\"");
    }

    /** The write's position, after checking it succeeded. */
    private static long ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json().get("position").asLong();
    }
}
