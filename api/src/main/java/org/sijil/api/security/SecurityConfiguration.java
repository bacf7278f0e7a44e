package org.sijil.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
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
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

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
@EnableConfigurationProperties({TokenCacheProperties.class, MutualTlsProperties.class})
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
                                                 ObjectProvider<ServerProperties> server) throws Exception {
        ProblemResponses problems = new ProblemResponses();
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

    /**
     * Spring Security's Spring MVC integration puts a filter before the security filter chain that looks
     * up every request's handler in Spring MVC's handler mappings (and keeps the result in the request)
     * for request matchers and a CORS filter that ask Spring MVC. Neither is here: the rules match plain
     * path patterns and the chain has no CORS filter, so that lookup, done again by the dispatcher, would
     * be spent for nothing on every request. This puts the security filter chain back in place of the
     * pair; every filter and rule of the chain stays.
     */
    @Bean
    static BeanFactoryPostProcessor sijilSecurityFilterChainWithoutHandlerLookup() {
        return beanFactory -> {
            if (beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(FILTER_CHAIN)) {
                BeanDefinition chain = registry.getBeanDefinition(FILTER_CHAIN);
                BeanDefinition without = withoutHandlerLookup(chain);
                if (without != chain) {
                    registry.removeBeanDefinition(FILTER_CHAIN);
                    registry.registerBeanDefinition(FILTER_CHAIN, without);
                }
            }
        };
    }

    /**
     * The definition with the handler lookup's pair replaced by the filter chain it wraps; Spring
     * Security's other wrapper (which parses the request's path once for the path patterns) is kept.
     */
    static BeanDefinition withoutHandlerLookup(BeanDefinition definition) {
        String type = definition.getBeanClassName();
        if (!HANDLER_LOOKUP_PAIR.equals(type) && !PATH_PARSING_PAIR.equals(type)) {
            return definition;
        }
        ValueHolder argument = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (argument == null || !(argument.getValue() instanceof List<?> pair) || pair.size() != 2
                || !(pair.get(1) instanceof BeanDefinition wrapped)) {
            throw new IllegalStateException("unexpected definition of " + FILTER_CHAIN + ": " + definition);
        }
        if (HANDLER_LOOKUP_PAIR.equals(type)) {
            return withoutHandlerLookup(wrapped);
        }
        BeanDefinition without = withoutHandlerLookup(wrapped);
        if (without != wrapped) {
            @SuppressWarnings("unchecked")
            List<Object> elements = (List<Object>) pair;
            elements.set(1, without);
        }
        return definition;
    }

    private static final String FILTER_CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
    private static final String CONFIGURATION = "org.springframework.security.config.annotation.web.configuration.";
    private static final String HANDLER_LOOKUP_PAIR = CONFIGURATION + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String PATH_PARSING_PAIR = CONFIGURATION + "WebSecurityConfiguration$CompositeFilterChainProxy";

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
