package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sijil.api.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security rules end to end through MockMvc, with tokens from the development issuer. */
@WebMvcTest(properties = {
    "sijil.security.dev-issuer.enabled=true",
    "sijil.security.dev-issuer.citizen-person-id=7d444840-9dc0-11d1-b245-5ffdce74fad2"
})
class DevIssuerSecurityTest {

    @Configuration(proxyBeanMethods = false)
    @Import({SecurityConfiguration.class, DevIssuerConfiguration.class, DevTokenController.class, ProbeController.class,
        ProblemWriter.class})
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /** Endpoints standing in for the controllers other features add. */
    @RestController
    static class ProbeController {
        @GetMapping("/api/v1/probe/caller")
        Caller caller(Authentication authentication) {
            return Caller.of(authentication);
        }

        @GetMapping("/api/v1/probe/admin")
        @PreAuthorize("hasRole('ADMIN')")
        String adminOnly() {
            return "ok";
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DevTokenIssuer issuer;

    @Test
    void registrarTokenAuthenticatesAndCarriesOfficeAndGovernorateIntoCaller() throws Exception {
        String token = token("registrar-baghdad");

        mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("registrar-baghdad"))
                .andExpect(jsonPath("$.roles", contains("REGISTRAR")))
                .andExpect(jsonPath("$.office").value("BGD-KARKH-01"))
                .andExpect(jsonPath("$.governorate").value("BGD"))
                .andExpect(jsonPath("$.ministry").doesNotExist())
                .andExpect(jsonPath("$.personId").doesNotExist())
                .andExpect(jsonPath("$.displayName").value("Demo registrar, Karkh office, Baghdad"));
    }

    @Test
    void tokenResponseFollowsOAuth2() throws Exception {
        String body = mvc.perform(post("/dev/token").param("as", "auditor"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(3600))
                .andReturn().getResponse().getContentAsString();

        String jwt = JsonPath.read(body, "$.access_token");
        Map<String, Object> header = JsonPath.read(decodePart(jwt, 0), "$");
        Map<String, Object> claims = JsonPath.read(decodePart(jwt, 1), "$");
        assertThat(header).containsEntry("alg", "ES256").containsKey("kid");
        assertThat(claims).containsEntry("iss", "sijil-dev").containsEntry("sub", "auditor");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(3600);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "registrar-baghdad, REGISTRAR, BGD-KARKH-01, BGD, -,        -",
        "registrar-ninawa,  REGISTRAR, NIN-MOSUL-01, NIN, -,        -",
        "clerk-baghdad,     CLERK,     BGD-KARKH-01, BGD, -,        -",
        "auditor,           AUDITOR,   -,            -,   -,        -",
        "admin,             ADMIN,     -,            -,   -,        -",
        "citizen-demo,      CITIZEN,   -,            -,   -,        7d444840-9dc0-11d1-b245-5ffdce74fad2",
        "ministry-health,   MINISTRY,  -,            -,   health,   -",
        "ministry-interior, MINISTRY,  -,            -,   interior, -",
    })
    void everySeededIdentityAuthenticatesWithItsScope(
            String identity, String role, String office, String governorate, String ministry, String personId)
            throws Exception {
        mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer " + token(identity)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value(identity))
                .andExpect(jsonPath("$.roles", contains(role)))
                .andExpect(jsonPath("$.office").value(office))
                .andExpect(jsonPath("$.governorate").value(governorate))
                .andExpect(jsonPath("$.ministry").value(ministry))
                .andExpect(jsonPath("$.personId").value(personId));
    }

    @Test
    void missingTokenIsUnauthorizedProblem() throws Exception {
        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller")))
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
    }

    @Test
    void malformedTokenIsUnauthorizedProblem() throws Exception {
        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer not-a-jwt")))
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
    }

    @Test
    void tokenWithAFlippedSignatureBitIsUnauthorized() throws Exception {
        String token = token("admin");
        int lastDot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        signature[signature.length / 2] ^= 0x01;
        String tampered = token.substring(0, lastDot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer " + tampered)));
    }

    @Test
    void tokenFromAnotherKeyIsUnauthorized() throws Exception {
        DevTokenIssuer stranger = new DevTokenIssuer(DevIdentity.seeded(java.util.UUID.randomUUID()), Clock.systemUTC());
        String forged = stranger.issue("admin").orElseThrow();

        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer " + forged)));
    }

    @Test
    void tokenMeantForAnotherServiceOrForNoneIsUnauthorizedProblem() throws Exception {
        DevIdentity admin = issuer.identity("admin").orElseThrow();
        Object audience = JsonPath.read(decodePart(token("admin"), 1), "$.aud");
        assertThat(audience).isEqualTo("sijil");

        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller")
                .header("Authorization", "Bearer " + issuer.issueFor(admin, "another-service"))))
                .andExpect(jsonPath("$.detail", containsString("aud")));
        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller")
                .header("Authorization", "Bearer " + issuer.issueFor(admin, null))));
        mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer " + issuer.issueFor(admin, "sijil")))
                .andExpect(status().isOk());
    }

    @Test
    void expiredTokenIsUnauthorizedProblem() throws Exception {
        DevIdentity registrar = issuer.identity("registrar-baghdad").orElseThrow();
        // issued two hours ago: expired an hour ago, well past the one-minute clock skew
        String expired = issuer.issue(registrar, Instant.now().minusSeconds(7200));

        expectUnauthorizedProblem(mvc.perform(get("/api/v1/probe/caller").header("Authorization", "Bearer " + expired)))
                .andExpect(jsonPath("$.code").value("token.expired"))
                .andExpect(jsonPath("$.detail", containsString("expired")));
    }

    @Test
    void adminOnlyMethodIsForbiddenProblemForARegistrar() throws Exception {
        mvc.perform(get("/api/v1/probe/admin").header("Authorization", "Bearer " + token("registrar-baghdad")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("access.denied"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").isNotEmpty());

        mvc.perform(get("/api/v1/probe/admin").header("Authorization", "Bearer " + token("admin")))
                .andExpect(status().isOk());
    }

    @Test
    void metricsNeedAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token("registrar-baghdad")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/metrics/jvm.memory.used").header("Authorization", "Bearer " + token("auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized());
        // an administrator passes the filter; this slice has no actuator, hence 404
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token("admin")))
                .andExpect(status().isNotFound());
    }

    @Test
    void publicVerificationEndpointsNeedNoToken() throws Exception {
        // no controllers behind these paths in this slice: 404 shows the filter let them through
        for (String path : List.of("/api/v1/log/checkpoint", "/api/v1/log/verifier-key",
                "/api/v1/log/proof/inclusion", "/api/v1/keys", "/actuator/health/liveness", "/v3/api-docs")) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/log/entries")).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownIdentityIsBadRequestListingTheKnownOnes() throws Exception {
        mvc.perform(post("/dev/token").param("as", "nobody"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail", containsString("registrar-baghdad")))
                .andExpect(jsonPath("$.knownIdentities", hasItems(
                        "registrar-baghdad", "registrar-ninawa", "clerk-baghdad", "auditor", "admin",
                        "citizen-demo", "ministry-health", "ministry-interior")));

        mvc.perform(post("/dev/token"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String token(String identity) throws Exception {
        String body = mvc.perform(post("/dev/token").param("as", identity))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.access_token");
    }

    private static ResultActions expectUnauthorizedProblem(ResultActions result) throws Exception {
        return result.andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code", startsWith("token.")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    private static String decodePart(String jwt, int index) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), java.nio.charset.StandardCharsets.UTF_8);
    }
}
