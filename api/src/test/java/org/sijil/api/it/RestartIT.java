package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps its data: a person registered before a restart is still there after
 * it, with the same signing key. Two separate application runs on one data directory. Start-up also
 * claims the numbers of ID cards issued before the card number index existed.
 */
class RestartIT {

    @Test
    void dataRecordedBeforeARestartIsStillThereAfterIt() throws Exception {
        Path data = EmbeddedDefaults.newDataDir();
        String person;
        String keysBefore;
        try (ConfigurableApplicationContext first = start(data)) {
            Api api = new Api(port(first));
            Api.Response birth = api.post("/api/v1/births", "registrar-baghdad", People.adultWoman("BGD"));
            assertThat(birth.status()).as(birth.toString()).isEqualTo(201);
            person = birth.json().get("personId").asText();
            keysBefore = api.get("/api/v1/keys", null).body();
        }
        try (ConfigurableApplicationContext second = start(data)) {
            Api api = new Api(port(second));
            Api.Response read = api.get("/api/v1/persons/" + person, "registrar-baghdad");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().at("/name/arabic/given").asText()).isEqualTo("زينب");
            assertThat(api.get("/api/v1/keys", null).body()).isEqualTo(keysBefore);
        }
    }

    @Test
    void theNumbersOfCardsIssuedBeforeTheIndexExistedAreClaimedAtStartUp() throws Exception {
        Path data = EmbeddedDefaults.newDataDir();
        String holder;
        String other;
        try (ConfigurableApplicationContext first = start(data)) {
            Api api = new Api(port(first));
            holder = register(api, People.adultWoman("BGD"));
            other = register(api, People.adultMan("BGD"));
            Api.Response card = api.post("/api/v1/persons/" + holder + "/id-cards", "registrar-baghdad",
                    "{\"cardNumber\": \"RS1234567\", \"issuedOn\": \"2024-01-10\", \"expiresOn\": \"2034-01-10\"}");
            assertThat(card.status()).as(card.toString()).isEqualTo(200);
            // as the database was before the index existed: no claims, every stored card to be indexed
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM id_card_number");
            jdbc.update("UPDATE id_card_number_backfill SET through_global_index = "
                    + "(SELECT max(globalindex) FROM domainevententry), done = false");
        }
        try (ConfigurableApplicationContext second = start(data)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT person_id::text FROM id_card_number", String.class))
                    .isEqualTo(holder);
            assertThat(jdbc.queryForObject("SELECT done FROM id_card_number_backfill", Boolean.class)).isTrue();
            Api.Response refused = new Api(port(second)).post("/api/v1/persons/" + other + "/id-cards",
                    "registrar-baghdad",
                    "{\"cardNumber\": \"RS1234567\", \"issuedOn\": \"2024-01-10\", \"expiresOn\": \"2034-01-10\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        }
    }

    private static String register(Api api, String birth) {
        Api.Response response = api.post("/api/v1/births", "registrar-baghdad", birth);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("personId").asText();
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(SijilApplication.class).run(EmbeddedDefaults.arguments(data));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
