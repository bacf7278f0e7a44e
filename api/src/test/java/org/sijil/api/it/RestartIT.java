package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.sijil.store.JdbcPersonIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps its data: a person registered before a restart is still there after
 * it, with the same signing key. Two separate application runs on one data directory. Start-up also
 * claims the numbers of ID cards issued before the card number index existed, replaces national
 * numbers stored in clear by their keyed hashes, and gives a PostgreSQL made without one a password.
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

    @Test
    void aDatabaseWithoutAPasswordAndWithNumbersInClearIsConvertedAtStartUp() throws Exception {
        Path data = EmbeddedDefaults.newDataDir();
        String person;
        String number;
        try (ConfigurableApplicationContext first = start(data)) {
            Api.Response birth = new Api(port(first)).post("/api/v1/births", "registrar-baghdad",
                    People.adultWoman("BGD"));
            assertThat(birth.status()).as(birth.toString()).isEqualTo(201);
            person = birth.json().get("personId").asText();
            number = birth.json().get("nationalNumber").asText();
            // as a data directory was before: the number in clear, no password, every connection trusted
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("UPDATE national_number SET national_number = ?, number_key = NULL WHERE person_id = ?::uuid",
                    number, person);
            jdbc.execute("ALTER ROLE postgres PASSWORD NULL");
            Files.writeString(data.resolve("postgres/pg_hba.conf"),
                    "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
            Files.delete(data.resolve("keys/postgres.password"));
        }
        try (ConfigurableApplicationContext second = start(data)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT national_number IS NULL AND number_key IS NOT NULL FROM national_number"
                    + " WHERE person_id = ?::uuid", Boolean.class, person)).isTrue();
            assertThat(second.getBean(JdbcPersonIndex.class).personWith(number)).contains(UUID.fromString(person));
            String url = "jdbc:postgresql://127.0.0.1:" + second.getBean(EmbeddedPostgres.class).getPort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
            assertThat(data.resolve("keys/postgres.password")).exists();
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
