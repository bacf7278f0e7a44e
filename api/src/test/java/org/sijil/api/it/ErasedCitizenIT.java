package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A citizen's token outlives the erasure of their data: once erased, the demo citizen (a person of
 * this context alone, so that the shared context's demo citizen stays) grants no consent, in their
 * language, and nothing is stored; they may still list and revoke what they granted.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ErasedCitizenIT {

    static final Path DATA = EmbeddedDefaults.newDataDir();
    static final String CITIZEN = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void ownDemoCitizen(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
        registry.add("sijil.security.dev-issuer.citizen-person-id", () -> CITIZEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void anErasedCitizenGrantsNoConsentButStillListsAndRevokesTheirs() {
        Api.Response granted = grant();
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        String consentId = granted.json().get("consentId").asText();

        Api.Response erasure = api.post("/api/v1/persons/" + CITIZEN + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2025/31 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);

        long consentEvents = consentEvents();
        Api.Response refused = grant("Accept-Language", "ar");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(410);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("person.erased");
        assertThat(refused.json().get("detail").asText()).contains("مُحيت البيانات الشخصية");
        assertThat(consentEvents()).isEqualTo(consentEvents);

        Api.Response listed = api.get("/api/v1/citizens/me/consents", "citizen-demo");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).contains(consentId);
        Api.Response revoked = api.post("/api/v1/citizens/me/consents/" + consentId + "/revocation", "citizen-demo",
                "{}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/citizens/me/record", "citizen-demo").status()).isEqualTo(410);
    }

    private Api.Response grant(String... headers) {
        return api.post("/api/v1/citizens/me/consents", "citizen-demo", """
                {"ministry": "health", "purposeCode": "vaccination-check", "purposeText": "Checking vaccination records",
                 "categories": ["IDENTITY"], "validUntil": "%s"}
                """.formatted(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)), headers);
    }

    private long consentEvents() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = 'org.sijil.core.api.ConsentGrantedEvent'", Long.class);
        return n == null ? 0 : n;
    }
}
