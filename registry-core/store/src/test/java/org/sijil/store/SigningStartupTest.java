package org.sijil.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Unsigned events are for benchmarks only: {@code sijil.signing=false} alone refuses to start. */
class SigningStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StoreProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void refusesToStartUnsignedWithoutTheBenchmarkSwitch() {
        context.withPropertyValues("sijil.signing=false").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("sijil.signing=false")
                    .hasMessageContaining("sijil.signing-off-for-benchmarks-only=true");
        });
    }

    @Test
    void startsUnsignedWithTheBenchmarkSwitchAndSignedByDefault() {
        context.withPropertyValues("sijil.signing=false", "sijil.signing-off-for-benchmarks-only=true")
                .run(started -> assertThat(started.getBean(StoreProperties.class).signing()).isFalse());
        context.run(started -> assertThat(started.getBean(StoreProperties.class).signing()).isTrue());
    }
}
