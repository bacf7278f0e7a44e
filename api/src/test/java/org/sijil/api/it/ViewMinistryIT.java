package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijil.query.view.planning.PlanningViewQueries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ministries' statistical views. Counts are compared before and after this test's own events
 * (on dates no other test uses), since all integration tests share one database.
 */
class ViewMinistryIT extends IntegrationTest {

    static final String DAY = "1977-11-23";
    static final String DEATH_DAY = "2024-12-01";

    @Autowired
    PlanningViewQueries planning;

    @Test
    void healthCountsBirthsAndDeathsBySexAndCauseAndDropsErasedPersons() {
        long boysBefore = births("MALE");
        long deathsBefore = deaths("C34.1");
        long planningBefore = planningBirths();

        String boy = register("registrar-baghdad", People.birth("عمر", "MALE", LocalDate.parse(DAY), "BGD", null, null));
        String other = register("registrar-baghdad", People.birth("خالد", "MALE", LocalDate.parse(DAY), "BGD", null, null));
        Api.Response death = api.post("/api/v1/persons/" + boy + "/death", "registrar-baghdad", """
                {"dateOfDeath": "%s", "placeOfDeath": {"governorate": "BGD"}, "causeOfDeath": "C34.1"}
                """.formatted(DEATH_DAY));
        assertThat(death.status()).as(death.toString()).isEqualTo(200);
        long position = death.json().get("position").asLong();

        Api.Response read = api.get("/api/v1/views/health/deaths?from=" + DEATH_DAY + "&to=" + DEATH_DAY
                + "&minPosition=" + position, "ministry-health");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(deaths("C34.1")).isEqualTo(deathsBefore + 1);
        assertThat(births("MALE")).isEqualTo(boysBefore + 2);
        ViewPersonIT.await("planning view", () -> planningBirths() == planningBefore + 2);

        // the CSV download has a header and parses into the same counts as the JSON
        Api.Response csv = api.get("/api/v1/views/health/births.csv?from=" + DAY + "&to=" + DAY, "ministry-health");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly("date", "governorate", "sex", "births");
        long csvBoys = rows.stream().skip(1).filter(r -> r.get(1).equals("BGD") && r.get(2).equals("MALE"))
                .mapToLong(r -> Long.parseLong(r.get(3))).sum();
        assertThat(csvBoys).isEqualTo(births("MALE"));

        // each ministry reads its own view only
        assertThat(api.get("/api/v1/views/health/births?from=" + DAY + "&to=" + DAY, "ministry-interior").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/views/planning/vital-statistics?year=1977", "ministry-health").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/views/health/births?from=" + DAY + "&to=" + DAY, "registrar-baghdad").status())
                .isEqualTo(403);

        Api.Response erasure = api.post("/api/v1/persons/" + other + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/16\"}");
        assertThat(erasure.status()).isEqualTo(200);
        api.get("/api/v1/views/health/births?from=" + DAY + "&to=" + DAY + "&minPosition="
                + erasure.json().get("position").asLong(), "ministry-health");
        assertThat(births("MALE")).isEqualTo(boysBefore + 1);
        ViewPersonIT.await("planning drops the erased", () -> planningBirths() == planningBefore + 1);
    }

    private long births(String sex) {
        JsonNode rows = api.get("/api/v1/views/health/births?from=" + DAY + "&to=" + DAY + "&governorate=BGD",
                "ministry-health").json();
        long n = 0;
        for (JsonNode r : rows) {
            if (r.get("sex").asText().equals(sex)) {
                n += r.get("births").asLong();
            }
        }
        return n;
    }

    private long deaths(String cause) {
        JsonNode rows = api.get("/api/v1/views/health/deaths?from=" + DEATH_DAY + "&to=" + DEATH_DAY,
                "ministry-health").json();
        long n = 0;
        for (JsonNode r : rows) {
            if (cause.equals(r.path("causeOfDeath").asText()) && r.get("sex").asText().equals("MALE")) {
                n += r.get("deaths").asLong();
            }
        }
        return n;
    }

    private long planningBirths() {
        return planning.vitalStatistics(1977, "BGD").stream()
                .filter(c -> c.month().equals("1977-11") && c.event().equals("BIRTH") && c.sex().equals("MALE"))
                .peek(c -> assertThat(c.timeliness()).isEqualTo("DELAYED"))
                .mapToLong(PlanningViewQueries.VitalCount::count).sum();
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the last line ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        rows.forEach(r -> assertThat(r).hasSize(rows.get(0).size()));
        return rows;
    }
}
