package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.store.AccessEventWriter;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.core.text.TextRefusedException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Text no civil record may hold (NUL, controls, bidi overrides, line separators, stacked marks) is
 * refused in every part of a request — JSON bodies of every life event, query parameters, headers —
 * with 400 and the rule's code, and nothing is stored; a command sent straight on the command bus
 * and an access event written straight to the store are refused by the store itself.
 */
class TextInputIT extends IntegrationTest {

    private static final String LOCALITY = "مستشفى اليرموك";
    private static final String BIRTH = People.birth("حسن", "MALE", LocalDate.of(2024, 2, 2), "BGD", null, null);
    /** Five marks on one letter: fatha, shadda, dagger alef, hamza above, kasra. */
    private static final String STACKED = "ر\u064E\u0651\u0670\u0654\u0650مادي";

    @Autowired
    CommandGateway commands;

    @Autowired
    AccessEventWriter accessEvents;

    static Stream<Arguments> badBirths() {
        return Stream.of(
                // JSON escapes, as a client sends a control character
                Arguments.of("NUL in the locality", BIRTH.replace(LOCALITY, "مستشفى\\u0000اليرموك"),
                        "placeOfBirth.locality", "text.forbidden-character"),
                Arguments.of("line separator in the locality", BIRTH.replace(LOCALITY, "مستشفى\\u2028اليرموك"),
                        "placeOfBirth.locality", "text.forbidden-character"),
                Arguments.of("tab in the locality", BIRTH.replace(LOCALITY, "مستشفى\\tاليرموك"),
                        "placeOfBirth.locality", "text.forbidden-character"),
                Arguments.of("lone surrogate in the family name", BIRTH.replace("Al-Jubouri", "Al-\\ud800Jubouri"),
                        "name.latin.family", "text.forbidden-character"),
                // raw characters in the UTF-8 body
                Arguments.of("right-to-left override in the given name",
                        BIRTH.replaceFirst("\"given\": \"حسن\"", "\"given\": \"ح\u202Eسن\""),
                        "name.arabic.given", "text.forbidden-character"),
                Arguments.of("first strong isolate in the Kurdish name",
                        BIRTH.replace("\"father\": \"عەلی\"", "\"father\": \"\u2068عەلی\u2069\""),
                        "name.kurdish.father", "text.forbidden-character"),
                Arguments.of("stacked marks in the locality", BIRTH.replace(LOCALITY, STACKED),
                        "placeOfBirth.locality", "text.combining-marks"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBirths")
    void refusesBadTextInABirthAndStoresNothing(String what, String body, String field, String code) {
        Stored before = stored();
        Api.Response response = api.post("/api/v1/births", "registrar-baghdad", body);
        assertRefused(response, field, code);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesBadTextInEveryLifeEventAndStoresNothing() {
        String man = register("registrar-baghdad", People.adultMan("BGD"));
        String woman = register("registrar-baghdad", People.adultWoman("BGD"));
        Stored before = stored();

        assertRefused(api.post("/api/v1/persons/" + man + "/death", "registrar-baghdad", """
                {"dateOfDeath": "2025-01-20", "placeOfDeath": {"governorate": "BGD", "locality": "الكرخ\\u0000"}}
                """), "placeOfDeath.locality", "text.forbidden-character");
        assertRefused(api.post("/api/v1/persons/" + man + "/residence-changes", "registrar-baghdad", """
                {"residence": {"governorate": "BGD", "locality": "حي المنصور\\u2028محلة 605"}, "since": "2021-02-01"}
                """), "residence.locality", "text.forbidden-character");
        assertRefused(api.post("/api/v1/marriages", "registrar-baghdad", """
                {"husbandId": "%s", "wifeId": "%s", "marriageDate": "2015-06-01",
                 "place": {"governorate": "BGD", "locality": "محكمة \u202Eالكرخ"}}
                """.formatted(man, woman)), "place.locality", "text.forbidden-character");
        assertRefused(api.post("/api/v1/persons/" + man + "/name-changes", "registrar-baghdad", """
                {"newName": {"arabic": {"given": "حسين", "father": "محمد", "grandfather": "علي",
                             "motherGiven": "زينب", "maternalGrandfather": "علي"}},
                 "effectiveDate": "2022-03-01", "legalReference": "قرار 2022/118\\u0000"}
                """), "legalReference", "text.forbidden-character");
        assertRefused(api.post("/api/v1/persons/" + man + "/name-changes", "registrar-baghdad", """
                {"newName": {"arabic": {"given": "%s", "father": "محمد", "grandfather": "علي",
                             "motherGiven": "زينب", "maternalGrandfather": "علي"}},
                 "effectiveDate": "2022-03-01", "legalReference": "قرار 2022/118"}
                """.formatted(STACKED)), "newName.arabic.given", "text.combining-marks");
        assertRefused(api.post("/api/v1/persons/" + man + "/corrections", "registrar-baghdad", """
                {"correctedEventId": "%s", "court": "محكمة بداءة الكرخ\\u2029", "judgmentReference": "2024/77",
                 "judgmentDate": "2024-06-01", "dateOfBirth": "1990-03-13"}
                """.formatted(UUID.randomUUID())), "court", "text.forbidden-character");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesBadTextInQueryParametersAndStoresNoAccess() {
        register("registrar-baghdad", People.adultMan("BGD"));
        Stored before = stored();
        // U+202E as a client percent-encodes it in UTF-8
        assertRefused(api.get("/api/v1/search?name=%D8%AD%E2%80%AE%D8%B3%D9%86", "registrar-baghdad"),
                "name", "text.forbidden-character");
        assertRefused(api.get("/api/v1/search?name=%D8%AD%00%D8%B3%D9%86", "registrar-baghdad"),
                "name", "text.forbidden-character");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesBadTextInTheDeclaredPurposeAndStoresNoAccess() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        Stored before = stored();
        // a tab: the one control an HTTP client sends inside a header value (it sends no byte above 0x7F)
        Api.Response response = api.get("/api/v1/persons/" + person, "registrar-baghdad",
                "X-Purpose", "id-card\trenewal", "Accept-Language", "ar");
        assertRefused(response, "X-Purpose", "text.forbidden-character");
        assertThat(response.json().get("detail").asText()).contains("سجل مدني");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void acceptsVocalisedNamesAndStoresThemInNfc() {
        // the given name with full harakat, the father's name typed with alef and hamza above apart
        String body = BIRTH.replaceFirst("\"given\": \"حسن\"", "\"given\": \"مُحَمَّد\"")
                .replace("\"father\": \"علي\"", "\"father\": \"\u0627\u0654\u062D\u0645\u062F\"");
        String person = register("registrar-baghdad", body);
        JsonNode name = api.get("/api/v1/persons/" + person, "registrar-baghdad").json().at("/name/arabic");
        assertThat(name.get("given").asText()).isEqualTo("مُحَمَّد");
        assertThat(name.get("father").asText()).isEqualTo("أحمد").hasSize(4);
    }

    @Test
    void refusesACommandWithBadTextSentWithoutTheWebLayer() {
        Stored before = stored();
        RegisterBirthCommand birth = new RegisterBirthCommand(UUID.randomUUID(),
                NationalNumber.allocate(new SecureRandom()),
                new PersonName(new LineageName("حيدر", "كريم", "جاسم", null, "سعاد", "مهدي"), null, null),
                Sex.MALE, LocalDate.of(1988, 11, 2), new Place("BGD", null, "الكرخ\u0000"), null, null,
                "BGD-KARKH-01", Instant.now());
        assertThatThrownBy(() -> commands.sendAndWait(birth, recordedBy("registrar-baghdad")))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("payload.placeOfBirth.locality"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesACommandWhoseMetadataHoldsBadText() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        Stored before = stored();
        ChangeResidenceCommand move = new ChangeResidenceCommand(UUID.fromString(person), null,
                new Place("BGD", null, "حي المنصور"), LocalDate.of(2021, 2, 1), "BGD-KARKH-01", Instant.now());
        assertThatThrownBy(() -> commands.sendAndWait(move, recordedBy("registrar\u202Ebaghdad")))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("metadata.officer"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesAnAccessEventWithBadTextWrittenStraightToTheStore() {
        String person = register("registrar-baghdad", People.adultMan("BGD"));
        Stored before = stored();
        AccessRecordedEvent access = new AccessRecordedEvent(UUID.randomUUID(), UUID.fromString(person),
                "registrar-baghdad", "BGD-KARKH-01", "REGISTRAR", "person\u2028renewal", AccessBasisKind.OFFICIAL_DUTY,
                null, List.of(), AccessOutcome.GRANTED, null, Instant.now());
        assertThatThrownBy(() -> accessEvents.store(List.of(
                new AccessEventWriter.Written(access, "registrar-baghdad", "REGISTRAR"))))
                .isInstanceOfSatisfying(TextRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("payload.purpose"));
        assertThat(stored()).isEqualTo(before);
    }

    private static MetaData recordedBy(String officer) {
        return MetaData.with("officer", officer).and("officerRole", "REGISTRAR").and("office", "BGD-KARKH-01")
                .and("governorate", "BGD");
    }

    private static void assertRefused(Api.Response response, String field, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().get("field").asText()).as(response.toString()).isEqualTo(field);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    /** What a refused request must leave as it was: events, and the rows stored beside them. */
    record Stored(long events, long nationalNumbers, long dataKeys, long accessHistory) {
    }

    private Stored stored() {
        return new Stored(storedEvents(), count("SELECT count(*) FROM national_number"),
                count("SELECT count(*) FROM person_data_key"),
                // but the feed's deliveries, as storedEvents() leaves out their events
                count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'"));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
