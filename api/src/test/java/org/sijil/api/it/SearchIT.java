package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijil.query.view.person.PersonViewQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Name and national-number search through the API. The names are common Iraqi given, father's,
 * grandfather's and family names (أحمد, عبدالكريم, جاسم, التميمي; فاطمة, مصطفى, الساعدي) and the
 * Sorani Kurdish forms used in the Kurdistan Region (ئەحمەد, ئازاد, هێمن, کاکە, بەرزنجی), and less
 * common Iraqi names (يعقوب, لقمان, داوود, قحطان, عبدالرزاق, العكيلي, الآلوسي) where a test needs a
 * lineage of its own; each test uses a lineage no other test registers, because all integration
 * tests share one database.
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
    void fullLineageComesFirstThenWordsInOrderThenAllWordsWhenTheLimitCutsTheTiers() {
        // the tiers are fetched one after another: a small limit must still get the best ones
        String full = register("registrar-baghdad", birth("يعقوب", "لقمان", "داوود", "البزاز", ""));
        String inOrder = register("registrar-baghdad", birth("شعيب", "يعقوب", "لقمان", "داوود", ""));
        String allWords = register("registrar-baghdad", birth("داوود", "يعقوب", "لقمان", "البزاز", ""));
        String alsoAllWords = register("registrar-baghdad", birth("لقمان", "داوود", "يعقوب", "البزاز", ""));

        List<JsonNode> two = hits("name", "يعقوب لقمان داوود", 2);
        assertThat(ids(two)).containsExactly(full, inOrder);
        assertThat(two.stream().map(h -> h.get("match").asText())).containsExactly("FULL_LINEAGE", "IN_ORDER");

        List<JsonNode> four = hits("name", "يعقوب لقمان داوود", 4);
        assertThat(ids(four).subList(0, 2)).containsExactly(full, inOrder);
        assertThat(ids(four).subList(2, 4)).containsExactlyInAnyOrder(allWords, alsoAllWords);
        assertThat(match(four, allWords)).isEqualTo("ALL_WORDS");

        // given and father only: the same person's lineage from the given name on
        assertThat(ids(hits("name", "يعقوب لقمان", 1))).containsExactly(full);

        // one word: as a given name it is the full lineage's start, further on it is found in order
        List<JsonNode> one = hits("name", "لقمان", 20);
        assertThat(ids(one)).startsWith(alsoAllWords).contains(full, inOrder, allWords);
        assertThat(match(one, alsoAllWords)).isEqualTo("FULL_LINEAGE");
        assertThat(match(one, full)).isEqualTo("IN_ORDER");
    }

    @Test
    void aTierWithMoreMatchesThanTheLimitFillsTheAnswerWithItsOwnMatches() {
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            same.add(register("registrar-baghdad", birth("نزار", "قحطان", "عبدالوهاب", "الحيالي", "")));
        }
        String reordered = register("registrar-baghdad", birth("قحطان", "نزار", "عبدالوهاب", "الحيالي", ""));

        List<JsonNode> three = hits("name", "نزار قحطان عبدالوهاب", 3);
        assertThat(three).hasSize(3);
        assertThat(three).allSatisfy(h -> assertThat(h.get("match").asText()).isEqualTo("FULL_LINEAGE"));
        assertThat(same).containsAll(ids(three));

        List<JsonNode> five = hits("name", "نِزار قَحطان عبدالوهاب", 5);
        assertThat(ids(five).subList(0, 4)).containsExactlyInAnyOrderElementsOf(same);
        assertThat(ids(five).get(4)).isEqualTo(reordered);
    }

    @Test
    void aMisspeltNameIsFoundAsSimilarAndFullLatinNamesWithHyphensMatch() {
        String person = register("registrar-baghdad", birth("عبدالرزاق", "سلمان", "خليفة", "الكبيسي",
                "\"latin\": {\"given\": \"Abdulrazzaq\", \"father\": \"Salman\", \"grandfather\": \"Khalifa\","
                        + " \"family\": \"Al-Kubaisi\"},"));
        // سلمن for سلمان, a common slip: not every word matches, the trigram distance is small
        List<JsonNode> hits = hits("name", "عبدالرزاق سلمن خليفة", 20);
        assertThat(match(hits, person)).isEqualTo("SIMILAR");
        assertThat(hits.stream().filter(h -> h.get("personId").asText().equals(person)).findFirst().orElseThrow()
                .get("similarity").asDouble()).isGreaterThanOrEqualTo(0.3);
        assertThat(ids(hits("name", "Abdulrazzaq Salman Khalifa Al-Kubaisi", 20))).startsWith(person);
        assertThat(match(hits("name", "abdulrazzaq salman khalifa al kubaisi", 20), person))
                .isEqualTo("FULL_LINEAGE");
    }

    @Test
    void anErasedPersonIsFoundByNoTier() {
        String erased = register("registrar-baghdad", birth("ماهر", "نجاح", "رزاق", "العكيلي", ""));
        String kept = register("registrar-baghdad", birth("ماهر", "نجاح", "رزاق", "العكيلي", ""));
        assertThat(ids(hits("name", "ماهر نجاح رزاق", 20))).contains(erased, kept);

        Api.Response erasure = api.post("/api/v1/persons/" + erased + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/31 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);
        ViewPersonIT.await("erasure in the view", () -> !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM view_person_name WHERE person_id = ?::uuid)", Boolean.class, erased)));
        for (String query : List.of("ماهر نجاح رزاق", "ماهر نجاح", "رزاق ماهر نجاح", "ماهر نجح رزاق العكيلي")) {
            List<String> found = ids(hits("name", query, 100));
            assertThat(found).as(query).contains(kept).doesNotContain(erased);
        }
    }

    @Test
    void eachTierIsServedByItsIndex() throws Exception {
        register("registrar-baghdad", birth("صفاء", "جلال", "منذر", "الآلوسي", ""));
        // few rows here, so the planner would scan: forbid it, as at register scale it does not pay
        try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
            try (var s = c.createStatement()) {
                s.execute("SET enable_seqscan = off");
            }
            PersonViewQueries queries = new PersonViewQueries(
                    new JdbcTemplate(new SingleConnectionDataSource(c, true)), new ObjectMapper());
            String plans = String.join("\n", queries.explain("منذر جلال صفا", 20));
            try (var s = c.createStatement()) {
                s.execute("RESET enable_seqscan");
            }
            assertThat(plans).contains("-- FULL_LINEAGE", "view_person_name_lineage_prefix", "-- IN_ORDER",
                    "-- ALL_WORDS", "-- SIMILAR", "Bitmap Index Scan on view_person_name_terms");
            assertThat(plans).as("no tier reads the whole name index").doesNotContain("Seq Scan on view_person_name");
        }
    }

    private List<JsonNode> hits(String param, String value, int limit) {
        return get("/api/v1/search?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + "&limit=" + limit);
    }

    private List<JsonNode> hits(String param, String value) {
        return get("/api/v1/search?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private List<JsonNode> get(String path) {
        Api.Response r = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        // the view is eventually consistent: poll (bounded) until the registered persons are in it
        do {
            r = api.get(path, "registrar-baghdad");
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
