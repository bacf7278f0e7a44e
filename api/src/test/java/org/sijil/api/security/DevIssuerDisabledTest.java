package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.sijil.api.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code sijil.security.dev-issuer.enabled} there is no token endpoint and the
 * decoder is Spring Boot's, built from the standard resource-server settings.
 */
@WebMvcTest(properties = {"sijil.security.dev-issuer.enabled=false",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"})
class DevIssuerDisabledTest {

    @Configuration(proxyBeanMethods = false)
    @Import({SecurityConfiguration.class, DevIssuerConfiguration.class, DevTokenController.class,
            ProblemWriter.class})
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void tokenEndpointDoesNotExist() throws Exception {
        mvc.perform(post("/dev/token").param("as", "registrar-baghdad")).andExpect(status().isNotFound());
    }

    @Test
    void decoderComesFromTheStandardSettings() {
        assertThat(context.getBeansOfType(DevTokenIssuer.class)).isEmpty();
        assertThat(context.getBeansOfType(DevTokenController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JwtDecoder.class)).containsExactly("jwtDecoderByJwkKeySetUri");
    }

    @Test
    void apiStillNeedsAToken() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
