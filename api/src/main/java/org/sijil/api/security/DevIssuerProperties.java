package org.sijil.api.security;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the development token issuer.
 *
 * @param enabled {@code sijil.security.dev-issuer.enabled}, default {@code false}; never
 *     true in production: anyone who can reach {@code /dev/token} can then act as any demo
 *     identity; it refuses to start off loopback ({@link DevIssuerConfiguration})
 * @param citizenPersonId {@code sijil.security.dev-issuer.citizen-person-id}, the person
 *     the {@code citizen-demo} identity is, default {@code 00000000-0000-0000-0000-000000000001}
 */
@Validated
@ConfigurationProperties("sijil.security.dev-issuer")
public record DevIssuerProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("00000000-0000-0000-0000-000000000001") UUID citizenPersonId) {}
