package org.sijil.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.sijil.api.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP security rules. Only public verification material, API docs, health and the
 * reference data are open; metrics and other actuator endpoints need ADMIN; everything
 * else needs a valid bearer token, and controllers narrow that further with
 * {@code @PreAuthorize}. There are no sessions and no cookies, so CSRF protection, which
 * guards cookie-authenticated browsers, is off.
 *
 * <p>The {@code JwtDecoder} comes from {@link DevIssuerConfiguration} when the development
 * issuer is enabled, otherwise from Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings; with neither, start-up fails.
 * Either way, verified tokens are kept in a bounded {@link VerifiedTokenCache}
 * ({@code sijil.security.token-cache.*}), and with {@code sijil.security.mutual-tls.enabled}
 * ministry clients need their TLS client certificate ({@link MinistryCertificateFilter}).
 *
 * <p>Spring Security's own observations (a timer and a span per filter, per authentication and per
 * authorisation) are off: they cost more CPU per request than the authorisation itself, and the
 * request as a whole is still observed ({@code http.server.requests}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({TokenCacheProperties.class, MutualTlsProperties.class, TokenAudienceProperties.class})
public class SecurityConfiguration {

    /** Reachable without a token. */
    static final String[] PUBLIC_PATHS = {
        "/dev/token",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/actuator/health/**",
        "/actuator/info",
        "/api/v1/keys",
        "/api/v1/log/checkpoint",
        "/api/v1/log/verifier-key",
        "/api/v1/log/proof/**",
    };

    @Bean
    SecurityFilterChain sijilSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter sijilJwtAuthenticationConverter,
                                                 JwtDecoder jwtDecoder, TokenCacheProperties tokenCache, Clock clock,
                                                 MutualTlsProperties mutualTls,
                                                 ObjectProvider<ClientCertificateCallers> certificateCallers,
                                                 ObjectProvider<ServerProperties> server,
                                                 ProblemWriter problemWriter) throws Exception {
        ProblemResponses problems = new ProblemResponses(problemWriter);
        JwtDecoder decoder = tokenCache.maxSize() == 0
                ? jwtDecoder
                : new VerifiedTokenCache(jwtDecoder, clock, tokenCache.maxSize(), tokenCache.maxAge());
        if (mutualTls.enabled()) {
            requireClientCertificates(server.getIfAvailable());
            http.addFilterAfter(new MinistryCertificateFilter(certificateCallers.getObject(), problems, problems),
                    BearerTokenAuthenticationFilter.class);
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        // an error dispatch renders the outcome of a request already authorised
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/reference/**").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .hasRole(Roles.ADMIN)
                        // any other actuator endpoint someone exposes is for administrators only
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(sijilJwtAuthenticationConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** See the class comment: Spring Security's per-filter observations are off. */
    @Bean
    SecurityObservationSettings sijilSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The paths above are matched as plain path patterns ({@code PathPatternRequestMatcher}), as Spring
     * Security 7 will by default, rather than by asking Spring MVC's handler mappings on every request.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean sijilPathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Mutual TLS without a connector that asks for client certificates would refuse every ministry. */
    static void requireClientCertificates(ServerProperties server) {
        Ssl ssl = server == null ? null : server.getSsl();
        boolean asks = ssl != null && Ssl.isEnabled(ssl)
                && (ssl.getClientAuth() == Ssl.ClientAuth.WANT || ssl.getClientAuth() == Ssl.ClientAuth.NEED);
        if (!asks) {
            throw new IllegalStateException("sijil.security.mutual-tls.enabled needs a TLS connector that asks for"
                    + " client certificates: server.ssl.* with server.ssl.client-auth=want (or need)");
        }
    }

    /** Maps the {@code roles} claim to {@code ROLE_*} authorities, ignoring names Sijil does not know. */
    @Bean
    JwtAuthenticationConverter sijilJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
        return converter;
    }

    /** Also picked up by Spring Boot's auto-configured {@code JwtDecoder} as an additional validator. */
    @Bean
    OAuth2TokenValidator<Jwt> sijilClaimsValidator(TokenAudienceProperties audience) {
        return new SijilClaimsValidator(audience.audiences());
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = SijilClaimsValidator.roles(jwt).stream()
                .filter(Roles.ALL::contains)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role))
                .toList();
        return authorities;
    }
}
