package org.sijil.api.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page's language: the one its reader chose (the {@value #COOKIE} cookie), else Arabic. The
 * application's locale resolver reads {@code Accept-Language}, which serves the API; for a page the
 * chosen language is handed to it as that header, so pages and API messages resolve alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageLanguage extends OncePerRequestFilter {

    static final String COOKIE = "sijil-lang";
    static final List<String> LANGUAGES = List.of("ar", "ckb", "en");
    static final String DEFAULT = "ar";

    /** The chosen language of {@code request}, one of {@link #LANGUAGES}. */
    static String of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && LANGUAGES.contains(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return DEFAULT;
    }

    static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || path.startsWith("/swagger-ui") || path.startsWith("/dev/"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isPage(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String language = of(request);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Accept-Language".equalsIgnoreCase(name) ? language : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept-Language".equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(language)) : super.getHeaders(name);
            }
        }, response);
    }
}
