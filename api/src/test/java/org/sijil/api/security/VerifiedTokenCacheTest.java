package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The cache of verified tokens in front of the development issuer's real decoder (ES256 signatures,
 * issuer, timestamps and Sijil claims all checked): it may save verifications, never accept what the
 * decoder would refuse.
 */
class VerifiedTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final DevTokenIssuer issuer = new DevTokenIssuer(DevIdentity.seeded(UUID.randomUUID()), clock);
    private final CountingDecoder decoder = new CountingDecoder(realDecoder());

    @Test
    void verifiesATokenOnceAndAnswersItsLaterUsesFromTheCache() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 100, Duration.ofMinutes(5), clock::nanos);
        String token = issuer.issue("ministry-health").orElseThrow();

        Jwt first = cache.decode(token);
        clock.advance(Duration.ofMinutes(1));
        Jwt second = cache.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getClaimAsString(SijilClaims.MINISTRY)).isEqualTo("health");
        assertThat(decoder.calls.get()).isEqualTo(1);
    }

    @Test
    void refusesACachedTokenOnceItHasExpired() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 100, Duration.ofHours(2), clock::nanos);
        String token = issuer.issue("ministry-health").orElseThrow();
        cache.decode(token);

        // past exp and the 60 s skew every decoder allows; the entry itself would still be in the cache
        clock.advance(DevTokenIssuer.LIFETIME.plusSeconds(61));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(decoder.calls.get()).isEqualTo(2);
    }

    @Test
    void neverKeepsARefusedToken() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 100, Duration.ofMinutes(5), clock::nanos);
        String forged = flipLastSignatureBit(issuer.issue("ministry-health").orElseThrow());

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);

        assertThat(decoder.calls.get()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenOneBitAwayFromACachedOneIsVerifiedAndRefused() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 100, Duration.ofMinutes(5), clock::nanos);
        String token = issuer.issue("ministry-health").orElseThrow();
        cache.decode(token);

        assertThatThrownBy(() -> cache.decode(flipLastSignatureBit(token))).isInstanceOf(BadJwtException.class);
        assertThat(decoder.calls.get()).isEqualTo(2);
    }

    @Test
    void trustsAVerificationNoLongerThanMaxAge() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 100, Duration.ofMinutes(5), clock::nanos);
        String token = issuer.issue("ministry-health").orElseThrow();
        cache.decode(token);

        clock.advance(Duration.ofMinutes(4));
        cache.decode(token);
        assertThat(decoder.calls.get()).isEqualTo(1);

        // the token is valid for an hour, but five minutes after it was verified it is verified again
        clock.advance(Duration.ofMinutes(2));
        cache.decode(token);
        assertThat(decoder.calls.get()).isEqualTo(2);
    }

    @Test
    void holdsAtMostMaxSizeTokens() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, clock, 3, Duration.ofMinutes(5), clock::nanos);
        for (int i = 0; i < 20; i++) {
            cache.decode(issuer.issue("ministry-health").orElseThrow()); // a new jti each time
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(decoder.calls.get()).isEqualTo(20);
    }

    @Test
    void aTokenWithoutExpiryIsNeverKept() {
        Jwt noExpiry = Jwt.withTokenValue("t").header("alg", "ES256").subject("s")
                .claims(c -> c.putAll(Map.of("iat", clock.instant()))).build();
        AtomicInteger calls = new AtomicInteger();
        VerifiedTokenCache cache = new VerifiedTokenCache(t -> {
            calls.incrementAndGet();
            return noExpiry;
        }, clock, 100, Duration.ofMinutes(5), clock::nanos);

        cache.decode("t");
        cache.decode("t");

        assertThat(calls.get()).isEqualTo(2);
    }

    private JwtDecoder realDecoder() {
        try {
            return new DevIssuerConfiguration().jwtDecoder(issuer, new SijilClaimsValidator(), clock);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with the last bit of its signature flipped (bit-flip test of the verifier). */
    private static String flipLastSignatureBit(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = java.util.Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length - 1] ^= 1;
        return token.substring(0, dot + 1) + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The real decoder, counting how often it is asked. */
    private static final class CountingDecoder implements JwtDecoder {
        final JwtDecoder decoder;
        final AtomicInteger calls = new AtomicInteger();

        CountingDecoder(JwtDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            return decoder.decode(token);
        }
    }

    /** A clock the test moves; its instant also drives the cache's ticker. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        long nanos() {
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
