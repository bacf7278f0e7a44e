package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void readsScopeClaimsAndRolesFromAJwt() {
        UUID person = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");
        Jwt jwt = jwt("citizen-7", List.of("CITIZEN"))
                .claim("person_id", person.toString())
                .claim("name", "زينب علي حسين")
                .build();

        Caller caller = Caller.of(configuration.sijilJwtAuthenticationConverter().convert(jwt));

        assertThat(caller.subject()).isEqualTo("citizen-7");
        assertThat(caller.roles()).containsExactly("CITIZEN");
        assertThat(caller.personId()).isEqualTo(person);
        assertThat(caller.displayName()).isEqualTo("زينب علي حسين");
        assertThat(caller.office()).isNull();
        assertThat(caller.hasRole("CITIZEN")).isTrue();
        assertThat(caller.hasRole("ROLE_CITIZEN")).isTrue();
        assertThat(caller.hasRole("ADMIN")).isFalse();
    }

    @Test
    void ignoresRoleNamesSijilDoesNotKnow() {
        Jwt jwt = jwt("someone", List.of("ADMIN", "SUPERUSER", "admin")).build();

        Caller caller = Caller.of(configuration.sijilJwtAuthenticationConverter().convert(jwt));

        assertThat(caller.roles()).containsExactly("ADMIN");
    }

    @Test
    void takesRolesFromAuthoritiesWhenThereIsNoJwt() {
        Caller caller = Caller.of(new TestingAuthenticationToken("auditor-1", null, "ROLE_AUDITOR", "SCOPE_read"));

        assertThat(caller.subject()).isEqualTo("auditor-1");
        assertThat(caller.roles()).containsExactly("AUDITOR");
        assertThat(caller.office()).isNull();
    }

    @Test
    void refusesMissingOrAnonymousAuthentication() {
        assertThatThrownBy(() -> Caller.of(null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> Caller.of(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void refusesAPersonIdThatIsNotAUuid() {
        Jwt jwt = jwt("citizen-8", List.of("CITIZEN")).claim("person_id", "12345").build();

        assertThatThrownBy(() -> Caller.of(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_CITIZEN"))))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void rolesAreImmutable() {
        Caller caller = new Caller("s", new java.util.HashSet<>(List.of("ADMIN")), null, null, null, null, null);
        assertThatThrownBy(() -> caller.roles().add("CITIZEN")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Jwt.Builder jwt(String subject, List<String> roles) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(60))
                .claim("roles", roles);
    }
}
