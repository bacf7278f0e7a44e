package org.sijil.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * A bounded cache of verified bearer tokens in front of the application's {@link JwtDecoder}, so a
 * client that sends the same token with every request pays for the signature check (ES256: most of
 * a request's CPU, measured) once, not every time.
 *
 * <p>What keeps this as strict as decoding every time:
 * <ul>
 *   <li>The key is the exact token string: a hit is a token already accepted byte for byte, so its
 *       signature, issuer and Sijil claims were checked and, being functions of those bytes alone,
 *       would pass again.</li>
 *   <li>What depends on the time is checked again on every hit, with the application's clock:
 *       {@code exp} and {@code nbf} ({@link JwtTimestampValidator}, the same 60 s skew as the
 *       decoders). A token that has expired is decoded afresh and rejected as before.</li>
 *   <li>Only accepted tokens are kept; a rejected one costs a full decode every time. Tokens
 *       without {@code exp} are never kept.</li>
 *   <li>An entry lives until its token's {@code exp}, and never longer than {@code maxAge}: a key
 *       the issuer withdraws (rotation, compromise) stops being honoured through the cache within
 *       {@code maxAge}, as it would once a decoder re-reads the issuer's key set. Bearer tokens are
 *       not revocable here (no introspection), so the cache takes away no revocation.</li>
 *   <li>At most {@code maxSize} entries, least recently used evicted first.</li>
 * </ul>
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Cache<String, Jwt> verified;
    private final Clock clock;
    private final Duration maxAge;

    /**
     * @param decoder the decoder that verifies; its answer for a token not cached is this cache's answer
     * @param maxSize at most this many tokens; positive
     * @param maxAge  no entry lives longer; positive
     */
    VerifiedTokenCache(JwtDecoder decoder, Clock clock, long maxSize, Duration maxAge) {
        this(decoder, clock, maxSize, maxAge, Ticker.systemTicker());
    }

    /** @param ticker measures how long entries have lived (tests pass their own) */
    VerifiedTokenCache(JwtDecoder decoder, Clock clock, long maxSize, Duration maxAge, Ticker ticker) {
        if (maxSize <= 0 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxSize and maxAge must be positive");
        }
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = maxAge;
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        this.timestamps = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null) {
            if (!timestamps.validate(cached).hasErrors()) {
                return cached;
            }
            // expired (or the clock went back before nbf): the decoder gives the usual rejection
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        if (!lifetime(jwt).isZero()) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How long {@code jwt} may stay: until its {@code exp}, at most {@code maxAge}; zero if it must not be kept. */
    private Duration lifetime(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    /** Entries held now (approximate); for tests and metrics. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
