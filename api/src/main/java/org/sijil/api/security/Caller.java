package org.sijil.api.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is making the current request, and the scope their token grants.
 *
 * @param subject the token's {@code sub}
 * @param roles role names without the {@code ROLE_} prefix (see {@link Roles}); never null
 * @param office civil-status office code for registrars and clerks, otherwise {@code null}
 * @param governorate governorate code for registrars and clerks, otherwise {@code null}
 * @param ministry ministry name (for example {@code health}) for ministry clients, otherwise {@code null}
 * @param personId the citizen's own person id for citizens, otherwise {@code null}
 * @param displayName the token's {@code name}, or {@code null}
 */
public record Caller(
        String subject,
        Set<String> roles,
        String office,
        String governorate,
        String ministry,
        UUID personId,
        String displayName) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    /**
     * The caller behind an authentication. Roles come from the granted authorities, the
     * scope claims from the JWT when the authentication holds one; a client certificate's
     * authentication holds its caller whole.
     *
     * @throws AuthenticationCredentialsNotFoundException if {@code authentication} is null,
     *     anonymous or not authenticated (Spring Security answers 401)
     * @throws BadCredentialsException if a JWT's {@code person_id} is not a UUID
     */
    public static Caller of(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            // authenticated by a client certificate (mutual TLS), which already names the caller
            return caller;
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(Roles.AUTHORITY_PREFIX))
                .map(a -> a.substring(Roles.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return new Caller(
                    authentication.getName(),
                    roles,
                    jwt.getClaimAsString(SijilClaims.OFFICE),
                    jwt.getClaimAsString(SijilClaims.GOVERNORATE),
                    jwt.getClaimAsString(SijilClaims.MINISTRY),
                    personId(jwt.getClaimAsString(SijilClaims.PERSON_ID)),
                    jwt.getClaimAsString(SijilClaims.NAME));
        }
        return new Caller(authentication.getName(), roles, null, null, null, null, null);
    }

    /** The caller of the request being handled on this thread; see {@link #of(Authentication)}. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Whether the caller holds {@code role}, given with or without the {@code ROLE_} prefix. */
    public boolean hasRole(String role) {
        Objects.requireNonNull(role, "role");
        String name = role.startsWith(Roles.AUTHORITY_PREFIX) ? role.substring(Roles.AUTHORITY_PREFIX.length()) : role;
        return roles.contains(name);
    }

    private static UUID personId(String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("person_id claim is not a UUID", e);
        }
    }
}
