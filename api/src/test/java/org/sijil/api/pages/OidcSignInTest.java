package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sijil.api.security.Caller;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** The caller an OpenID Connect ID token names when a person signs in to the pages. */
class OidcSignInTest {

    @Test
    void readsTheSameClaimsAsAnAccessToken() {
        Caller caller = OidcSignIn.caller(user(Map.of("roles", List.of("REGISTRAR", "UNKNOWN"),
                "office", "BGD-KARKH-01", "governorate", "BGD", "name", "Registrar")));
        assertThat(caller.roles()).isEqualTo(Set.of("REGISTRAR"));
        assertThat(caller.office()).isEqualTo("BGD-KARKH-01");
        assertThat(caller.governorate()).isEqualTo("BGD");
        assertThat(Caller.of(new PageAuthentication(caller))).isEqualTo(caller);
    }

    @Test
    void aCitizenCarriesTheirPersonId() {
        UUID person = UUID.randomUUID();
        Caller caller = OidcSignIn.caller(user(Map.of("roles", List.of("CITIZEN"), "person_id", person.toString())));
        assertThat(caller.personId()).isEqualTo(person);
    }

    @Test
    void refusesARegistrarWhoseOfficeIsOutsideTheirGovernorate() {
        assertThatThrownBy(() -> OidcSignIn.caller(user(Map.of("roles", List.of("REGISTRAR"),
                "office", "NIN-MOSUL-01", "governorate", "BGD"))))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesACitizenWithoutAPersonId() {
        assertThatThrownBy(() -> OidcSignIn.caller(user(Map.of("roles", List.of("CITIZEN")))))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static DefaultOidcUser user(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "someone");
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
        return new DefaultOidcUser(List.of(), token);
    }
}
