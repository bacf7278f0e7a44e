package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: a person registered before a restart is still there after
 * it, with the same signing key. Two separate application runs on one data directory.
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

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(SijilApplication.class).run(EmbeddedDefaults.arguments(data));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
