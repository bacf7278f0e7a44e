package org.sijil.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * After a sign-in through the OpenID Connect provider, the session keeps the caller that the ID
 * token's claims name: the same claims an access token carries for the API ({@code roles},
 * {@code office}, {@code governorate}, {@code ministry}, {@code person_id}, {@code name}), checked
 * as the API checks them, so a page and the API see the same caller.
 */
final class OidcSignIn implements AuthenticationSuccessHandler {

    private final SecurityContextRepository contexts;

    OidcSignIn(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        if (!(authentication.getPrincipal() instanceof OidcUser user)) {
            throw new BadCredentialsException("the provider gave no ID token");
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PageAuthentication(caller(user)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }

    /**
     * The caller an ID token names.
     *
     * @throws BadCredentialsException if the claims cannot scope the caller (as the API's validator refuses)
     */
    static Caller caller(OidcUser user) {
        Object claim = user.getClaims().get("roles");
        Set<String> roles = claim instanceof Collection<?> names
                ? names.stream().map(String::valueOf).filter(Roles.ALL::contains).collect(Collectors.toSet())
                : Set.of();
        String office = user.getClaimAsString("office");
        String governorate = user.getClaimAsString("governorate");
        String personId = user.getClaimAsString("person_id");
        String ministry = user.getClaimAsString("ministry");
        if ((roles.contains(Roles.REGISTRAR) || roles.contains(Roles.CLERK))
                && (office == null || governorate == null || !office.startsWith(governorate + "-"))) {
            throw new BadCredentialsException("registrars and clerks need an office inside their governorate");
        }
        if (roles.contains(Roles.CITIZEN) && personId == null) {
            throw new BadCredentialsException("citizens need a person_id claim");
        }
        if (roles.contains(Roles.MINISTRY) && ministry == null) {
            throw new BadCredentialsException("ministry clients need a ministry claim");
        }
        UUID person;
        try {
            person = personId == null ? null : UUID.fromString(personId);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("person_id claim is not a UUID", e);
        }
        return new Caller(user.getSubject(), roles, office, governorate, ministry, person,
                user.getClaimAsString("name"));
    }
}
