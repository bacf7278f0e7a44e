package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sijil.api.SijilApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile as shipped, on the embedded PostgreSQL and with an identity provider that
 * is never reached: the API description, Swagger UI and the development issuer are not served.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
class ProductionDefaultsIT {

    static final Path DATA = EmbeddedDefaults.newDataDir();

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        // the embedded default's paths and ports, but the profile's own security settings
        EmbeddedDefaults.settings(DATA).forEach((key, value) -> {
            if (!key.startsWith("sijil.security.")) {
                registry.add(key, () -> value);
            }
        });
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> "http://127.0.0.1:9/jwks");
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
        "/swagger-ui/index.html"})
    void apiDescriptionAndSwaggerUiAreNotServed(String path) {
        Api.Response response = new Api(port).get(path, null);
        assertThat(response.status()).as(response.toString()).isIn(401, 404);
        assertThat(response.body()).doesNotContain("openapi").doesNotContain("swagger-ui-bundle");
    }

    @Test
    void theDevelopmentIssuerIsNotServed() {
        Api api = new Api(port);
        Api.Response response = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/dev/token?as=admin"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.status()).as(response.toString()).isIn(401, 404);
    }
}
