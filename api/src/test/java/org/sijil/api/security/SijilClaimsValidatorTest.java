package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class SijilClaimsValidatorTest {

    private final SijilClaimsValidator validator = new SijilClaimsValidator();

    @Test
    void acceptsARegistrarScopedToAnOfficeInTheirGovernorate() {
        assertThat(validate(CallerTest.jwt("r", List.of("REGISTRAR"))
                        .claim("office", "BGD-KARKH-01").claim("governorate", "BGD").build())
                .hasErrors()).isFalse();
    }

    @Test
    void rejectsARegistrarWithoutAnOffice() {
        assertThat(errors(CallerTest.jwt("r", List.of("REGISTRAR")).claim("governorate", "BGD").build()))
                .contains("office and governorate");
    }

    @Test
    void rejectsAClerkWhoseOfficeIsInAnotherGovernorate() {
        assertThat(errors(CallerTest.jwt("c", List.of("CLERK"))
                        .claim("office", "NIN-MOSUL-01").claim("governorate", "BGD").build()))
                .contains("not in governorate BGD");
    }

    @Test
    void rejectsACitizenWithoutAPersonId() {
        assertThat(errors(CallerTest.jwt("c", List.of("CITIZEN")).build())).contains("person_id");
    }

    @Test
    void rejectsAPersonIdThatIsNotAUuid() {
        assertThat(errors(CallerTest.jwt("c", List.of("CITIZEN")).claim("person_id", "1").build()))
                .contains("not a UUID");
    }

    @Test
    void rejectsAMinistryClientWithoutAMinistry() {
        assertThat(errors(CallerTest.jwt("m", List.of("MINISTRY")).build())).contains("ministry claim");
    }

    @Test
    void acceptsATokenWithoutRoles() {
        assertThat(validate(Jwt.withTokenValue("t").header("alg", "ES256").subject("x").build()).hasErrors())
                .isFalse();
    }

    private OAuth2TokenValidatorResult validate(Jwt jwt) {
        return validator.validate(jwt);
    }

    private String errors(Jwt jwt) {
        OAuth2TokenValidatorResult result = validate(jwt);
        assertThat(result.hasErrors()).isTrue();
        return result.getErrors().stream().map(OAuth2Error::getDescription).reduce("", String::concat);
    }
}
