package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Each request's handler is looked up once, by the dispatcher: the security filter chain runs without
 * Spring MVC's handler lookup in front of it, still refuses what it refused, and still grants no
 * cross-origin access (as before: the chain has no CORS filter and nothing configures CORS). The rules per path are checked by {@link AuthorisationMatrixIT}.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SecurityFilterChainIT.Lookups.class)
@DirtiesContext
class SecurityFilterChainIT {

    static final Path DATA = EmbeddedDefaults.newDataDir();

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** A handler mapping asked first, that finds nothing and counts how often it was asked, per marker. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Lookups {
        final ConcurrentMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Bean
        HandlerMapping countingHandlerMapping() {
            return new CountingHandlerMapping(counts);
        }
    }

    record CountingHandlerMapping(ConcurrentMap<String, AtomicInteger> counts) implements HandlerMapping, Ordered {
        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) {
            String marker = request.getParameter("lookup");
            if (marker != null) {
                counts.computeIfAbsent(marker, m -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Autowired
    Lookups lookups;

    @Test
    void eachRequestsHandlerIsLookedUpOnce() {
        String open = UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/keys?lookup=" + open, null).status()).isEqualTo(200);
        assertThat(lookups.counts.get(open)).hasValue(1);

        String ministry = UUID.randomUUID().toString();
        Api.Response read = api.get("/api/v1/ministry/persons?nationalNumber=000000000000&purpose=health-care"
                + "&lookup=" + ministry, "ministry-health");
        assertThat(read.status()).isBetween(200, 499);
        assertThat(lookups.counts.get(ministry)).hasValue(1);
    }

    @Test
    void aRequestWithoutATokenIsStillRefusedBeforeItsHandler() {
        String marker = UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/ministry/persons?nationalNumber=1&purpose=x&lookup=" + marker, null).status())
                .isEqualTo(401);
        assertThat(api.get("/actuator/metrics?lookup=" + marker, "registrar-baghdad").status()).isEqualTo(403);
        assertThat(lookups.counts.get(marker)).isNull();
    }

    @Test
    void aCrossOriginRequestGetsNoCrossOriginAccess() {
        Api.Response preflight = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/births"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        // no CORS filter: a preflight is a request without a token like any other
        assertThat(preflight.status()).isEqualTo(401);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Methods")).isEmpty();

        Api.Response read = api.get("/api/v1/keys", null, "Origin", "https://elsewhere.example");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
