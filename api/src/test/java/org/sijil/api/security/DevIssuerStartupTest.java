package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The development issuer gives any identity to whoever reaches it: it starts only on a loopback
 * address and never against a database on another machine, whatever the profile.
 */
class DevIssuerStartupTest {

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        OAuth2TokenValidator<Jwt> sijilClaimsValidator() {
            return new SijilClaimsValidator();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Config.class, DevIssuerConfiguration.class)
            .withPropertyValues("sijil.security.dev-issuer.enabled=true", "spring.profiles.active=production");

    @Test
    void refusesEveryInterface() {
        context.run(started -> assertThat(started).getFailure().rootCause()
                .hasMessageContaining("server.address=(unset: every interface)")
                .hasMessageContaining("POST /dev/token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10"})
    void refusesANonLoopbackAddress(String address) {
        context.withPropertyValues("server.address=" + address)
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("server.address=" + address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db.example.gov.iq:5432/sijil?password=secret",
        "jdbc:postgresql://localhost:5432,192.0.2.20:5432/sijil", "jdbc:postgresql://[2001:db8::1]:5432/sijil",
        "jdbc:h2:mem:sijil"})
    void refusesADatabaseOnAnotherMachine(String url) {
        context.withPropertyValues("server.address=127.0.0.1", "spring.datasource.url=" + url)
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("spring.datasource.url=" + url.split("\\?")[0])
                        .hasMessageNotContaining("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:postgresql://localhost:5433/sijil", "jdbc:postgresql://127.0.0.1/sijil?user=x",
        "jdbc:postgresql://[::1]:5433/sijil", "jdbc:postgresql:sijil"})
    void startsOnLoopbackWithTheEmbeddedOrALoopbackDatabase(String url) {
        context.withPropertyValues("server.address=127.0.0.1", "spring.datasource.url=" + url)
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(DevTokenIssuer.class));
        context.withPropertyValues("server.address=::1")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void withTheIssuerOffNothingIsChecked() {
        new ApplicationContextRunner().withUserConfiguration(Config.class, DevIssuerConfiguration.class)
                .withPropertyValues("server.address=0.0.0.0", "spring.datasource.url=jdbc:postgresql://db.example/sijil")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(DevTokenIssuer.class));
    }
}
