package org.sijil.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects tokens whose claims cannot scope the caller: a registrar or clerk without an
 * office inside their governorate, a citizen without a person id, a ministry client without
 * a ministry, and a token meant for another service (its {@code aud} names none of
 * {@code sijil.security.audiences}). Checking at decode time means a badly issued token is a
 * 401, not a surprise deep inside a controller. Applied to the development decoder and, as an {@link
 * OAuth2TokenValidator} bean, to the decoder Spring Boot builds from the issuer settings.
 */
final class SijilClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private final Set<String> audiences;

    /** Checks every claim but the audience. */
    SijilClaimsValidator() {
        this(List.of());
    }

    /** @param audiences the {@code aud} values accepted, one of which a token must carry; none: not checked */
    SijilClaimsValidator(Collection<String> audiences) {
        this.audiences = Set.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> problems = new ArrayList<>();
        if (blank(jwt.getSubject())) {
            problems.add("sub is missing");
        }
        List<String> roles = roles(jwt);
        String office = jwt.getClaimAsString(SijilClaims.OFFICE);
        String governorate = jwt.getClaimAsString(SijilClaims.GOVERNORATE);
        if (roles.contains(Roles.REGISTRAR) || roles.contains(Roles.CLERK)) {
            if (blank(office) || blank(governorate)) {
                problems.add("registrars and clerks need office and governorate claims");
            } else if (!office.startsWith(governorate + "-")) {
                problems.add("office " + office + " is not in governorate " + governorate);
            }
        }
        String personId = jwt.getClaimAsString(SijilClaims.PERSON_ID);
        if (roles.contains(Roles.CITIZEN) && blank(personId)) {
            problems.add("citizens need a person_id claim");
        }
        if (personId != null && !isUuid(personId)) {
            problems.add("person_id is not a UUID");
        }
        if (roles.contains(Roles.MINISTRY) && blank(jwt.getClaimAsString(SijilClaims.MINISTRY))) {
            problems.add("ministry clients need a ministry claim");
        }
        List<String> audience = jwt.getAudience();
        if (!audiences.isEmpty() && (audience == null || audience.stream().noneMatch(audiences::contains))) {
            problems.add("aud is none of " + audiences.stream().sorted().toList());
        }
        if (problems.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, String.join("; ", problems), null));
    }

    static List<String> roles(Jwt jwt) {
        if (!jwt.hasClaim(SijilClaims.ROLES)) {
            return List.of();
        }
        List<String> roles = jwt.getClaimAsStringList(SijilClaims.ROLES);
        return roles == null ? List.of() : roles;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
