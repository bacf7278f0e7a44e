package org.sijil.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Mints ES256 JWTs for the seeded demo identities with a P-256 key generated at start-up
 * and held only in memory, so tokens stop working when the application restarts.
 */
public final class DevTokenIssuer {

    static final String ISSUER = "sijil-dev";
    static final Duration LIFETIME = Duration.ofHours(1);

    private final ECKey key;
    private final ECDSASigner signer;
    private final Map<String, DevIdentity> identities;
    private final Clock clock;
    private final String audience;

    DevTokenIssuer(Map<String, DevIdentity> identities, Clock clock) {
        this(identities, clock, null);
    }

    /** @param audience the {@code aud} of every token, or null for none */
    DevTokenIssuer(Map<String, DevIdentity> identities, Clock clock, String audience) {
        this.audience = audience;
        this.identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot create the development signing key", e);
        }
    }

    /** The public half of the signing key, for the decoder. */
    ECKey publicKey() {
        return key.toPublicJWK();
    }

    /** Names accepted by {@link #issue(String)}, in seeding order. */
    public Set<String> identityNames() {
        return identities.keySet();
    }

    /** A token for {@code identity} valid for {@link #LIFETIME} from now, or empty if the identity is unknown. */
    public Optional<String> issue(String identity) {
        return Optional.ofNullable(identity).map(identities::get).map(id -> issue(id, clock.instant(), null, audience));
    }

    /**
     * A token for {@code identity} valid for {@link #LIFETIME} from now and bound to the client
     * certificate whose RFC 8705 thumbprint is {@code certificateThumbprint} ({@code cnf.x5t#S256}),
     * or empty if the identity is unknown.
     */
    Optional<String> issue(String identity, String certificateThumbprint) {
        Objects.requireNonNull(certificateThumbprint, "certificateThumbprint");
        return Optional.ofNullable(identity).map(identities::get)
                .map(id -> issue(id, clock.instant(), certificateThumbprint, audience));
    }

    /** A token for {@code identity} issued at {@code issuedAt}; tests use this to mint expired ones. */
    String issue(DevIdentity identity, Instant issuedAt) {
        return issue(identity, issuedAt, null, audience);
    }

    /** A token for {@code identity} whose {@code aud} is {@code audience} (null: none); tests use this. */
    String issueFor(DevIdentity identity, String audience) {
        return issue(identity, clock.instant(), null, audience);
    }

    private String issue(DevIdentity identity, Instant issuedAt, String certificateThumbprint, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(identity.subject())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim(SijilClaims.ROLES, identity.roles())
                .claim(SijilClaims.NAME, identity.displayName());
        if (audience != null) {
            claims.audience(audience);
        }
        if (identity.office() != null) {
            claims.claim(SijilClaims.OFFICE, identity.office());
        }
        if (identity.governorate() != null) {
            claims.claim(SijilClaims.GOVERNORATE, identity.governorate());
        }
        if (identity.ministry() != null) {
            claims.claim(SijilClaims.MINISTRY, identity.ministry());
        }
        if (identity.personId() != null) {
            claims.claim(SijilClaims.PERSON_ID, identity.personId().toString());
        }
        if (certificateThumbprint != null) {
            claims.claim("cnf", Map.of("x5t#S256", certificateThumbprint));
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return jwt.serialize();
    }

    /** The identity named {@code name}, if seeded. */
    Optional<DevIdentity> identity(String name) {
        return Optional.ofNullable(identities.get(name));
    }
}
