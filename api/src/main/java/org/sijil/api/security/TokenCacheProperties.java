package org.sijil.api.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cache of verified bearer tokens ({@code sijil.security.token-cache.*}); see
 * {@link VerifiedTokenCache}.
 *
 * @param maxSize {@code max-size}, tokens kept at most, default 10000; {@code 0} turns the cache off
 *                (every request's token is verified)
 * @param maxAge  {@code max-age}, how long a verified token is trusted without verifying it again even
 *                if it expires later, default 5 minutes: the longest a key the issuer has withdrawn can
 *                still be honoured through the cache
 */
@Validated
@ConfigurationProperties("sijil.security.token-cache")
public record TokenCacheProperties(
        @PositiveOrZero @DefaultValue("10000") long maxSize,
        @NotNull @DefaultValue("5m") Duration maxAge) {

    public TokenCacheProperties {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("sijil.security.token-cache.max-age must be positive");
        }
    }
}
