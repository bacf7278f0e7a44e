package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seeded demo roles get 401 or 403 where they should, and nothing is stored when refused. */
class AccessIT extends IntegrationTest {

    private static String baghdadPerson;

    @BeforeEach
    void aPersonInBaghdad() {
        if (baghdadPerson == null) {
            baghdadPerson = register("registrar-baghdad", People.adultMan("BGD"));
        }
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of(null, 401),
                Arguments.of("clerk-baghdad", 403),
                Arguments.of("auditor", 403),
                Arguments.of("admin", 403),
                Arguments.of("citizen-demo", 403),
                Arguments.of("ministry-health", 403),
                Arguments.of("ministry-interior", 403),
                Arguments.of("registrar-ninawa", 403));
    }

    @ParameterizedTest(name = "{0} registering a birth in Baghdad gets {1}")
    @MethodSource("writes")
    void onlyBaghdadsRegistrarsRegisterBirthsInBaghdad(String identity, int status) {
        long before = storedEvents();
        Api.Response response = api.post("/api/v1/births", identity,
                People.birth("علي", "MALE", LocalDate.of(2024, 1, 1), "BGD", null, null));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} recording a residence change of a Baghdad resident gets {1}")
    @MethodSource("writes")
    void onlyBaghdadsRegistrarsUpdateBaghdadRecords(String identity, int status) {
        long before = storedEvents();
        Api.Response response = api.post("/api/v1/persons/" + baghdadPerson + "/name-changes", identity, """
                {"newName": {"arabic": {"given": "عمر", "father": "علي", "grandfather": "حسين",
                             "motherGiven": "فاطمة", "maternalGrandfather": "عباس"}},
                 "effectiveDate": "2023-01-01", "legalReference": "2023/5"}
                """);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void ninawasRegistrarRegistersInNinawa() {
        Api.Response response = api.post("/api/v1/births", "registrar-ninawa",
                People.birth("يونس", "MALE", LocalDate.of(2024, 1, 1), "NIN", null, null));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void readsOfARecordAreForRegistrarsAndTheSignedHistoryAlsoForAuditors() {
        String path = "/api/v1/persons/" + baghdadPerson;
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, "registrar-baghdad").status()).isEqualTo(200);
        for (String other : new String[] {"clerk-baghdad", "auditor", "admin", "citizen-demo", "ministry-health"}) {
            assertThat(api.get(path, other).status()).as(other).isEqualTo(403);
        }
        assertThat(api.get(path + "/events", "auditor").status()).isEqualTo(200);
        assertThat(api.get(path + "/events", "auditor").json().get(0).get("payload").isNull()).isTrue();
        assertThat(api.get(path + "/events", "admin").status()).isEqualTo(403);
        assertThat(api.get(path + "/events", "ministry-health").status()).isEqualTo(403);
    }

    @Test
    void anInvalidTokenGets401() {
        Api.Response response = api.post("/api/v1/births", null, "{}", "Authorization", "Bearer not.a.token");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void publicKeysAndApiDocsArePublic() {
        assertThat(api.get("/api/v1/keys", null).json()).isNotEmpty();
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/v1/births")).isTrue();
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "admin").status()).isEqualTo(200);
    }
}
