package org.sijil.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mutual TLS for ministry systems, on with {@code sijil.security.mutual-tls.enabled}. Runs after the
 * bearer token is authenticated, with the client certificate the TLS connector verified (chain to the
 * trusted ministry-client CA, validity):
 *
 * <ul>
 *   <li>A token carrying a certificate thumbprint ({@code cnf} / {@code x5t#S256}, RFC 8705 §3.1) is
 *       honoured only over a connection whose client certificate has that SHA-256 thumbprint,
 *       whatever the caller's role; otherwise 401 {@code invalid_token}.</li>
 *   <li>A ministry client's token without a thumbprint needs a client certificate that
 *       {@link ClientCertificateCallers} maps to the same ministry as the token's {@code ministry}
 *       claim: no certificate, or one not accepted, is 401; an accepted certificate of another
 *       ministry is 403.</li>
 *   <li>A request without a bearer token whose certificate is accepted is authenticated as that
 *       certificate's caller (a ministry system authenticating with its certificate alone).</li>
 * </ul>
 *
 * <p>Other callers' tokens (citizens, registrars, ...) need no certificate. Every refusal is
 * problem+json through the same handlers as the rest of the security chain.
 */
final class MinistryCertificateFilter extends OncePerRequestFilter {

    /** Where a servlet container puts the verified client certificate chain (Servlet 6, §3.10). */
    static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final ClientCertificateCallers callers;
    private final AuthenticationEntryPoint unauthenticated;
    private final AccessDeniedHandler denied;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    MinistryCertificateFilter(ClientCertificateCallers callers, AuthenticationEntryPoint unauthenticated,
                              AccessDeniedHandler denied) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.unauthenticated = Objects.requireNonNull(unauthenticated, "unauthenticated");
        this.denied = Objects.requireNonNull(denied, "denied");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate certificate = clientCertificate(request);
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Optional<String> refusal = boundTokenRefusal(token, certificate);
            if (refusal.isPresent()) {
                contexts.clearContext();
                unauthenticated.commence(request, response, new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal.get(), null)));
                return;
            }
            if (isMinistry(token) && !sameMinistry(token, certificate)) {
                denied.handle(request, response, new AccessDeniedException(
                        "the client certificate is another ministry's"));
                return;
            }
        } else if (authentication == null && certificate != null) {
            Optional<Caller> caller = callers.callerFor(certificate);
            if (caller.isPresent()) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new CertificateAuthentication(caller.get(), certificate));
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** Why a token may not be used over this connection, if it may not be (401). */
    private Optional<String> boundTokenRefusal(JwtAuthenticationToken token, X509Certificate certificate) {
        String thumbprint = certificateThumbprint(token.getToken());
        if (thumbprint != null) {
            if (certificate == null) {
                return Optional.of("the token is bound to a client certificate and none was presented");
            }
            if (!MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
                    thumbprint(certificate).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of("the token is bound to another client certificate");
            }
            return Optional.empty();
        }
        if (!isMinistry(token)) {
            return Optional.empty();
        }
        if (certificate == null) {
            return Optional.of("ministry clients must present their TLS client certificate");
        }
        if (callers.callerFor(certificate).isEmpty()) {
            return Optional.of("the client certificate is not an accepted ministry certificate");
        }
        return Optional.empty();
    }

    /**
     * Whether a ministry token may be used over this connection once {@link #boundTokenRefusal} has
     * passed: a thumbprint-bound token already names its certificate; otherwise the certificate's
     * ministry must be the token's.
     */
    private boolean sameMinistry(JwtAuthenticationToken token, X509Certificate certificate) {
        if (certificateThumbprint(token.getToken()) != null) {
            return true;
        }
        String ministry = token.getToken().getClaimAsString(SijilClaims.MINISTRY);
        return callers.callerFor(certificate).map(Caller::ministry).filter(m -> m.equals(ministry)).isPresent();
    }

    private static boolean isMinistry(JwtAuthenticationToken token) {
        return token.getAuthorities().stream()
                .anyMatch(a -> (Roles.AUTHORITY_PREFIX + Roles.MINISTRY).equals(a.getAuthority()));
    }

    /** The token's {@code cnf.x5t#S256}, or null. */
    private static String certificateThumbprint(Jwt jwt) {
        Object cnf = jwt.getClaims().get("cnf");
        if (cnf instanceof Map<?, ?> confirmation && confirmation.get("x5t#S256") instanceof String thumbprint) {
            return thumbprint;
        }
        return null;
    }

    /**
     * The RFC 8705 §3.1 thumbprint of {@code certificate}: base64url, without padding, of the SHA-256
     * of its DER encoding.
     */
    static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash a client certificate", e);
        }
    }

    private static X509Certificate clientCertificate(HttpServletRequest request) {
        Object chain = request.getAttribute(CERTIFICATE_ATTRIBUTE);
        if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
            return certificates[0];
        }
        return null;
    }
}
