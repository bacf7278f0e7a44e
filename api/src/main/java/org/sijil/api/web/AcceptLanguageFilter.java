package org.sijil.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a malformed {@code Accept-Language} (RFC 9110 §12.5.4) with 400 problem+json, in English
 * since the caller's language cannot be read from it; the locale resolver treats such a header as
 * absent, so nothing else fails on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AcceptLanguageFilter extends OncePerRequestFilter {

    private final ProblemWriter writer;

    AcceptLanguageFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    static boolean wellFormed(String header) {
        try {
            Locale.LanguageRange.parse(header);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Enumeration<String> headers = request.getHeaders("Accept-Language"); headers.hasMoreElements(); ) {
            if (!wellFormed(headers.nextElement())) {
                writer.write(request, response, HttpStatus.BAD_REQUEST, "accept-language.malformed");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
