package org.sijil.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/token?as=<identity>}: a bearer token for a seeded demo identity. Exists
 * only when the development issuer is enabled. Examples are in {@code dev-token.http}.
 */
@RestController
@ConditionalOnProperty(prefix = "sijil.security.dev-issuer", name = "enabled", havingValue = "true")
class DevTokenController {

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/dev/token")
    ResponseEntity<?> token(@RequestParam(name = "as", required = false) String identity) {
        return issuer.issue(identity)
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore()) // RFC 6749 §5.1
                        .body(new TokenResponse(token, "Bearer", DevTokenIssuer.LIFETIME.toSeconds())))
                .orElseGet(() -> ResponseEntity.of(unknownIdentity(identity)).build());
    }

    private ProblemDetail unknownIdentity(String identity) {
        List<String> known = List.copyOf(issuer.identityNames());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                (identity == null ? "Parameter 'as' is missing" : "Unknown identity '" + identity + "'")
                        + "; known identities: " + String.join(", ", known) + ".");
        problem.setTitle("Unknown demo identity");
        problem.setProperty("knownIdentities", known);
        return problem;
    }

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}
}
