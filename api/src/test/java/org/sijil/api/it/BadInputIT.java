package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a 4xx problem+json naming the field, in the caller's language, and stores
 * nothing: the event table and the set-based tables are compared before and after each request.
 */
class BadInputIT extends IntegrationTest {

    private static final String BIRTH_TODAY = People.birth("حسن", "MALE", LocalDate.of(2024, 2, 2), "BGD", null, null);

    static Stream<Arguments> badBirths() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\": ", 400, null, "body.malformed"),
                Arguments.of("unknown field", BIRTH_TODAY.replaceFirst("\\{", "{\"religion\": \"x\", "), 400,
                        "religion", "field.unknown"),
                Arguments.of("missing given name", BIRTH_TODAY.replaceFirst("\"given\": \"حسن\", ", ""), 400,
                        "name.arabic.given", "constraint.NotBlank"),
                Arguments.of("missing name", BIRTH_TODAY.replaceFirst("\"name\": \\{\"arabic\"", "\"nom\": {\"arabic\""),
                        400, "nom", "field.unknown"),
                Arguments.of("bad check digit", BIRTH_TODAY.replaceFirst("\\{", "{\"nationalNumber\": \"572400000001\", "),
                        422, "nationalNumber", "national-number.invalid"),
                Arguments.of("date in the future", BIRTH_TODAY.replace("2024-02-02", tomorrow), 422,
                        "dateOfBirth", "date.in-future"),
                Arguments.of("malformed date", BIRTH_TODAY.replace("2024-02-02", "2024-13-45"), 400,
                        "dateOfBirth", "value.malformed"),
                Arguments.of("unknown governorate", BIRTH_TODAY.replace("\"governorate\": \"BGD\"",
                        "\"governorate\": \"XYZ\""), 400, "placeOfBirth.governorate", "governorate.unknown"),
                Arguments.of("Latin letters in an Arabic name", BIRTH_TODAY.replaceFirst("\"given\": \"حسن\"",
                        "\"given\": \"Hassan\""), 400, "name.arabic.given", "constraint.Script"),
                Arguments.of("Arabic letters in a Latin name", BIRTH_TODAY.replace("\"given\": \"Given\"",
                        "\"given\": \"حسن\""), 400, "name.latin.given", "constraint.Script"),
                Arguments.of("unknown sex", BIRTH_TODAY.replace("\"MALE\"", "\"M\""), 400, "sex", "value.malformed"),
                Arguments.of("unknown mother", BIRTH_TODAY.replaceFirst("\\{",
                        "{\"motherId\": \"7b0e7a52-6d2e-4a3e-9d55-2b9f0a7e1c11\", "), 422, "motherId",
                        "person.not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBirths")
    void refusesBadBirthAndStoresNothing(String what, String body, int status, String field, String code) {
        Snapshot before = snapshot();
        Api.Response response = api.post("/api/v1/births", "registrar-baghdad", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).as(response.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesADistrictThatIsNotInTheReferenceData() {
        Snapshot before = snapshot();
        Api.Response response = api.post("/api/v1/births", "registrar-baghdad",
                BIRTH_TODAY.replace("\"governorate\": \"BGD\"", "\"governorate\": \"BGD\", \"district\": \"NOWHERE\""));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("district.unknown");
        assertThat(response.json().get("field").asText()).isEqualTo("placeOfBirth.district");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesDeathBeforeBirth() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        Snapshot before = snapshot();
        Api.Response response = api.post("/api/v1/persons/" + person + "/death", "registrar-baghdad",
                "{\"dateOfDeath\": \"1980-01-01\", \"placeOfDeath\": {\"governorate\": \"BGD\"}}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("death.before-birth");
        assertThat(response.json().get("field").asText()).isEqualTo("dateOfDeath");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizeBody() {
        Snapshot before = snapshot();
        String padding = "x".repeat(70_000);
        Api.Response response = api.post("/api/v1/births", "registrar-baghdad",
                BIRTH_TODAY.replaceFirst("\\{", "{\"padding\": \"" + padding + "\", "));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asText()).isEqualTo("body.too-large");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizeChunkedBody() {
        Snapshot before = snapshot();
        String padding = "x".repeat(70_000);
        byte[] body = BIRTH_TODAY.replaceFirst("\\{", "{\"padding\": \"" + padding + "\", ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/births"))
                .header("Authorization", "Bearer " + api.token("registrar-baghdad"))
                .header("Content-Type", "application/json")
                // a stream of unknown length goes out chunked, with no Content-Length to refuse up front
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        Api.Response response = api.send(request);
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void answersInArabicAndKurdishByAcceptLanguage() {
        String body = BIRTH_TODAY.replace("\"given\": \"حسن\"", "\"given\": \"Hassan\"");
        Api.Response arabic = api.post("/api/v1/births", "registrar-baghdad", body, "Accept-Language", "ar-IQ");
        Api.Response kurdish = api.post("/api/v1/births", "registrar-baghdad", body, "Accept-Language", "ckb");
        Api.Response english = api.post("/api/v1/births", "registrar-baghdad", body, "Accept-Language", "en");
        assertThat(arabic.json().get("detail").asText()).contains("حروف عربية");
        assertThat(arabic.header("Content-Language")).isEqualTo("ar");
        assertThat(kurdish.json().get("detail").asText()).contains("پیتی عەرەبی");
        assertThat(english.json().get("detail").asText()).contains("Arabic letters");
    }

    @Test
    void refusesAMalformedIfMatch() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        Snapshot before = snapshot();
        Api.Response response = api.post("/api/v1/persons/" + person + "/residence-changes", "registrar-baghdad",
                "{\"residence\": {\"governorate\": \"BGD\"}, \"since\": \"2020-01-01\"}", "If-Match", "\"abc\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("If-Match");
        assertThat(snapshot()).isEqualTo(before);
    }

    record Snapshot(long events, long nationalNumbers, long dataKeys, long marriages, List<Map<String, Object>> last) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                storedEvents(),
                count("national_number"),
                count("person_data_key"),
                count("marriage_index"),
                jdbc.queryForList("SELECT globalindex, eventidentifier FROM domainevententry "
                        + "ORDER BY globalindex DESC LIMIT 1"));
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }
}
