package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DevIssuerPropertiesTest {

    @Test
    void isOffByDefaultWithTheDemoCitizen() {
        DevIssuerProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("sijil.security.dev-issuer", DevIssuerProperties.class);

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.citizenPersonId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    }
}
