package org.sijil.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>Asked over a TLS connection with a client certificate, it issues a certificate-bound token
 * (RFC 8705 §3: {@code cnf.x5t#S256}, the certificate's SHA-256 thumbprint), which with
 * {@code sijil.security.mutual-tls.enabled} is honoured only over connections presenting that
 * certificate.
 */
@RestController
@ConditionalOnProperty(prefix = "sijil.security.dev-issuer", name = "enabled", havingValue = "true")
class DevTokenController {

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/dev/token")
    ResponseEntity<?> token(@RequestParam(name = "as", required = false) String identity,
                            HttpServletRequest request) {
        Optional<String> issued = clientCertificate(request)
                .map(certificate -> issuer.issue(identity, MinistryCertificateFilter.thumbprint(certificate)))
                .orElseGet(() -> issuer.issue(identity));
        return issued
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore()) // RFC 6749 §5.1
                        .body(new TokenResponse(token, "Bearer", DevTokenIssuer.LIFETIME.toSeconds())))
                .orElseGet(() -> ResponseEntity.of(unknownIdentity(identity)).build());
    }

    private static Optional<X509Certificate> clientCertificate(HttpServletRequest request) {
        if (request.getAttribute(MinistryCertificateFilter.CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain
                && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return Optional.empty();
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
