package org.sijil.api.pages;

import org.sijil.api.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages' own security, beside the API's bearer-token rules: a session cookie, CSRF tokens on
 * every form, sign-out, and a sign-in page instead of a 401. It claims only the page paths, so the
 * API's chain keeps every other path exactly as it is.
 *
 * <p>People sign in through the configured OpenID Connect provider ({@code oauth2Login}, present
 * when {@code spring.security.oauth2.client.registration.*} names one) or, on the embedded default,
 * as a seeded demo identity ({@link DevSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurityConfiguration {

    /** Every path the pages answer; the rest belongs to the API's chain. */
    static final String[] PAGE_PATHS = {
        "/", "/signin", "/signin/**", "/signout", "/lang", "/denied", "/officer", "/officer/**", "/citizen",
        "/citizen/**", "/auditor",
        "/css/**", "/js/**", "/fonts/**", "/favicon.ico", "/oauth2/**", "/login/oauth2/**",
    };

    @Bean
    SecurityContextRepository pageSecurityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain sijilPagesFilterChain(HttpSecurity http, SecurityContextRepository pageSecurityContexts,
                                              ObjectProvider<ClientRegistrationRepository> providers) throws Exception {
        http.securityMatcher(PAGE_PATHS)
                .securityContext(context -> context.securityContextRepository(pageSecurityContexts))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signin", "/signin/**", "/lang", "/denied", "/css/**", "/js/**", "/fonts/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/officer", "/officer/**").hasRole(Roles.REGISTRAR)
                        .requestMatchers("/citizen", "/citizen/**").hasRole(Roles.CITIZEN)
                        .requestMatchers("/auditor").hasRole(Roles.AUDITOR)
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin"))
                        .accessDeniedPage("/denied"))
                .sessionManagement(sessions -> sessions.invalidSessionUrl("/signin?expired"))
                .logout(logout -> logout
                        .logoutUrl("/signout")
                        .logoutSuccessUrl("/signin?out")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        // pages, fonts and scripts are all served from here: nothing else may load
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; object-src 'none';"
                                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (providers.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/signin")
                    .successHandler(new OidcSignIn(pageSecurityContexts))
                    .failureUrl("/signin?failed"));
        }
        return http.build();
    }
}
