package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * With {@code spring.datasource.url} set, Sijil uses that PostgreSQL and starts none of its own:
 * against a separately started server (always), and against Testcontainers' PostgreSQL where a
 * Docker engine exists.
 */
class ExternalPostgresIT {

    @Test
    void usesTheConfiguredPostgresInsteadOfItsOwn() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            registersInto(url, "postgres", "", external.getPostgresDatabase());
        }
    }

    @Test
    void theProductionProfileHasNoDevelopmentTokenIssuer() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sijil-production-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SijilApplication.class)
                     .profiles("production").run(
                             "--server.port=0",
                             "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres",
                             "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
                             "--sijil.data-dir=" + data,
                             "--sijil.feeds.embedded.port=0",
                             "--sijil.keys-dir=" + data.resolve("keys"),
                             "--sijil.master-key-file=" + data.resolve("keys/master.key"))) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            Api.Response token = api.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api.base() + "/dev/token?as=admin"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(token.status()).isEqualTo(404);
            assertThat(api.get("/api/v1/keys", null).status()).isEqualTo(200);
        }
    }

    @Testcontainers(disabledWithoutDocker = true)
    @org.junit.jupiter.api.Nested
    class WithTestcontainers {

        @Container
        private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine");

        @Test
        void usesTestcontainersPostgres() throws Exception {
            var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
            registersInto(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), dataSource);
        }
    }

    private static void registersInto(String url, String user, String password, DataSource direct) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sijil-external-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SijilApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--sijil.data-dir=" + data,
                "--sijil.feeds.embedded.port=0",
                "--sijil.keys-dir=" + data.resolve("keys"),
                "--sijil.master-key-file=" + data.resolve("keys/master.key"),
                "--sijil.embedded-postgres.data-dir=" + data.resolve("postgres"),
                "--sijil.security.dev-issuer.enabled=true")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(Files.exists(data.resolve("postgres"))).isFalse();
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            Api.Response birth = api.post("/api/v1/births", "registrar-ninawa", People.adultMan("NIN"));
            assertThat(birth.status()).as(birth.toString()).isEqualTo(201);
            String person = birth.json().get("personId").asText();
            Long rows = new JdbcTemplate(direct).queryForObject(
                    "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, person);
            assertThat(rows).isEqualTo(1);
        }
    }
}
