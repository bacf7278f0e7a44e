package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Name and national-number search through the API. The names are common Iraqi given, father's,
 * grandfather's and family names (أحمد, عبدالكريم, جاسم, التميمي; فاطمة, مصطفى, الساعدي) and the
 * Sorani Kurdish forms used in the Kurdistan Region (ئەحمەد, ئازاد, هێمن, کاکە, بەرزنجی); each test
 * uses a lineage no other test registers, because all integration tests share one database.
 */
class SearchIT extends IntegrationTest {

    @Test
    void prefersTheFullLineageInOrderAndIgnoresHamzaFormsAndDiacritics() {
        String full = register("registrar-baghdad", birth("أحمد", "عبدالكريم", "جاسم", "التميمي",
                "\"kurdish\": {\"given\": \"ئەحمەد\", \"father\": \"عەبدولکەریم\", \"grandfather\": \"جاسم\"},"
                        + " \"latin\": {\"given\": \"Ahmed\", \"father\": \"Abdulkarim\", \"grandfather\": \"Jasim\","
                        + " \"family\": \"Al-Tamimi\"},"));
        String inOrder = register("registrar-baghdad", birth("جاسم", "أحمد", "عبدالكريم", "التميمي", ""));
        String reordered = register("registrar-baghdad", birth("عبدالكريم", "جاسم", "أحمد", "التميمي", ""));

        List<JsonNode> hits = hits("name", "احمد عبدالكريم جاسم");
        assertThat(ids(hits)).startsWith(full).contains(reordered);
        assertThat(hits.get(0).get("match").asText()).isEqualTo("FULL_LINEAGE");
        assertThat(match(hits, reordered)).isEqualTo("ALL_WORDS");

        List<JsonNode> two = hits("name", "أحمد عبدالكريم");
        assertThat(ids(two).indexOf(full)).isLessThan(ids(two).indexOf(inOrder));
        assertThat(match(two, inOrder)).isEqualTo("IN_ORDER");

        assertThat(ids(hits("name", "أَحْمَد عَبْدُالكَرِيم جاسِم التَّمِيمِي"))).startsWith(full);
        assertThat(ids(hits("name", "ئەحمەد عەبدولکەریم"))).as("Kurdish").startsWith(full);
        assertThat(ids(hits("name", "ahmed ABDULKARIM jasim"))).as("Latin").startsWith(full);
        assertThat(ids(hits("name", "احمد"))).as("limit applies").hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void taaMarbutaAlefMaqsuraAndTatweelAreFolded() {
        String fatima = register("registrar-baghdad", birth("فاطمة", "مصطفى", "عيسى", "الساعدي", ""));
        assertThat(ids(hits("name", "فاطمه مصطفي عيسي"))).startsWith(fatima);
        assertThat(ids(hits("name", "فاطـــمة مُصطفى"))).startsWith(fatima);
    }

    @Test
    void kurdishSpellingsWithArabicLettersFindKurdishNames() {
        String azad = register("registrar-baghdad", birth("ازاد", "هيمن", "كاكه", "البرزنجي",
                "\"kurdish\": {\"given\": \"ئازاد\", \"father\": \"هێمن\", \"grandfather\": \"کاکە\","
                        + " \"family\": \"بەرزنجی\"},"));
        // typed on an Arabic keyboard: ي for ی, ك for ک, ه for ە, ا for ئا
        assertThat(ids(hits("name", "ازاد هيمن كاكه"))).startsWith(azad);
        assertThat(ids(hits("name", "ئازاد هێمن کاکە"))).startsWith(azad);
    }

    @Test
    void findsByNationalNumberExactly() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad",
                birth("مصطفى", "كاظم", "جواد", "الموسوي", ""));
        assertThat(birth.status()).isEqualTo(201);
        String nationalNumber = birth.json().get("nationalNumber").asText();
        long position = birth.json().get("position").asLong();
        Api.Response found = api.get("/api/v1/search?nationalNumber=" + nationalNumber + "&minPosition=" + position,
                "registrar-baghdad");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().at("/hits/0/personId").asText()).isEqualTo(birth.json().get("personId").asText());
        assertThat(found.json().get("hits")).hasSize(1);
        assertThat(api.get("/api/v1/search?nationalNumber=12", "registrar-baghdad").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/search", "registrar-baghdad").json().get("code").asText())
                .isEqualTo("search.one-criterion");
        assertThat(api.get("/api/v1/search?name=x&limit=0", "registrar-baghdad").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/search?name=x", "ministry-health").status()).isEqualTo(403);
    }

    @Test
    void nameSearchIsServedByTheTrigramIndex() {
        List<String> plan = jdbc.execute((java.sql.Connection c) -> {
            try (var s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
                List<String> lines = new ArrayList<>();
                try (var rs = s.executeQuery(
                        "EXPLAIN SELECT person_id FROM view_person_name WHERE lineage LIKE '% احمد %'")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                s.execute("RESET enable_seqscan");
                return lines;
            }
        });
        assertThat(String.join("\n", plan)).contains("view_person_name_lineage_trgm");
    }

    private List<JsonNode> hits(String param, String value) {
        Api.Response r = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        // the view is eventually consistent: poll (bounded) until the registered persons are in it
        do {
            r = api.get("/api/v1/search?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                    "registrar-baghdad");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (lastRegisteredVisible()) {
                break;
            }
        } while (System.nanoTime() < deadline);
        List<JsonNode> hits = new ArrayList<>();
        r.json().get("hits").forEach(hits::add);
        return hits;
    }

    private String lastRegistered;

    private boolean lastRegisteredVisible() {
        if (lastRegistered == null) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM view_person_name WHERE person_id = ?::uuid)", Boolean.class,
                lastRegistered));
    }

    @Override
    String register(String registrar, String birthJson) {
        lastRegistered = super.register(registrar, birthJson);
        ViewPersonIT.await("registered person in the view", this::lastRegisteredVisible);
        return lastRegistered;
    }

    private static List<String> ids(List<JsonNode> hits) {
        return hits.stream().map(h -> h.get("personId").asText()).toList();
    }

    private static String match(List<JsonNode> hits, String id) {
        return hits.stream().filter(h -> h.get("personId").asText().equals(id)).findFirst()
                .map(h -> h.get("match").asText()).orElse("absent");
    }

    private static String birth(String given, String father, String grandfather, String family, String more) {
        return """
                {"name": {%s "arabic": {"given": "%s", "father": "%s", "grandfather": "%s", "family": "%s",
                                      "motherGiven": "زينب", "maternalGrandfather": "عباس"}},
                 "sex": "MALE", "dateOfBirth": "1988-10-02", "placeOfBirth": {"governorate": "BGD"}}
                """.formatted(more, given, father, grandfather, family);
    }
}
