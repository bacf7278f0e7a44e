package org.sijil.api.pages;

import java.util.List;
import java.util.Optional;
import org.sijil.api.security.Caller;
import org.sijil.api.security.DevTokenIssuer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Signs a person in to the pages as a seeded demo identity, on the embedded default only (where the
 * development issuer is on). The caller is read from a token the development issuer mints, decoded
 * and converted by the API's own decoder and converter, so a page's caller has exactly the roles and
 * scope the same identity has on the API.
 */
@Component
@ConditionalOnProperty(prefix = "sijil.security.dev-issuer", name = "enabled", havingValue = "true")
class DevSignIn {

    private final DevTokenIssuer issuer;
    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter;

    DevSignIn(DevTokenIssuer issuer, JwtDecoder jwtDecoder, JwtAuthenticationConverter sijilJwtAuthenticationConverter) {
        this.issuer = issuer;
        this.decoder = jwtDecoder;
        this.converter = sijilJwtAuthenticationConverter;
    }

    List<String> identities() {
        return List.copyOf(issuer.identityNames());
    }

    /** The authentication of {@code identity}, or empty if no such demo identity is seeded. */
    Optional<Authentication> signIn(String identity) {
        return issuer.issue(identity)
                .map(token -> new PageAuthentication(Caller.of(converter.convert(decoder.decode(token)))));
    }
}
