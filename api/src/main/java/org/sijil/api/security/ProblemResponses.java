package org.sijil.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sijil.api.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes 401 and 403 as RFC 7807 problem+json with a stable code, in the caller's language, instead
 * of an empty body or an HTML page. The bearer-token handlers run first so the RFC 6750
 * {@code WWW-Authenticate} header still tells clients what was wrong with their token.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemWriter writer;

    ProblemResponses(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        String code = code(e);
        if (code.equals("token.invalid")) {
            // the validator's reason (a bad signature, a certificate not bound), in English as it gives it
            String reason = ((OAuth2AuthenticationException) e).getError().getDescription();
            writer.write(request, response, HttpStatus.UNAUTHORIZED, code, reason == null ? "" : reason);
        } else {
            writer.write(request, response, HttpStatus.UNAUTHORIZED, code);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerAccessDenied.handle(request, response, e);
        writer.write(request, response, HttpStatus.FORBIDDEN, "access.denied");
    }

    /** Which of missing, expired or otherwise invalid: the bearer challenge carries the same distinction. */
    private static String code(AuthenticationException e) {
        if (!(e instanceof OAuth2AuthenticationException oauth)) {
            return "token.missing";
        }
        String description = oauth.getError().getDescription();
        if (description != null && description.toLowerCase(java.util.Locale.ROOT).contains("expired")) {
            return "token.expired";
        }
        return "token.invalid";
    }
}
