package org.sijil.api.security;

import jakarta.servlet.DispatcherType;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
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
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
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
    SecurityFilterChain sijilSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter sijilJwtAuthenticationConverter)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
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
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(sijilJwtAuthenticationConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
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
    OAuth2TokenValidator<Jwt> sijilClaimsValidator() {
        return new SijilClaimsValidator();
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
