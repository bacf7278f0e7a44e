package org.sijil.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The development issuer and the decoder that trusts only it, present only with
 * {@code sijil.security.dev-issuer.enabled=true}. Its {@link JwtDecoder} bean makes Spring
 * Boot's issuer-based decoder back off; without this configuration Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings apply.
 *
 * <p>The issuer hands any identity, administrator included, to whoever reaches it, so it refuses to
 * start unless only this machine can reach it: {@code server.address} on loopback, and no database
 * elsewhere ({@code spring.datasource.url} unset or naming a loopback host), whatever the profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sijil.security.dev-issuer", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({DevIssuerProperties.class, TokenAudienceProperties.class})
public class DevIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

    @Bean
    DevTokenIssuer devTokenIssuer(DevIssuerProperties properties, TokenAudienceProperties audience, Clock clock,
                                  Environment environment) {
        requireThisMachineOnly(environment);
        log.warn("Development token issuer is enabled: anyone who can reach POST /dev/token can act as any"
                + " demo identity. Never enable sijil.security.dev-issuer.enabled in production.");
        return new DevTokenIssuer(DevIdentity.seeded(properties.citizenPersonId()), clock,
                audience.audiences().isEmpty() ? null : audience.audiences().get(0));
    }

    /** See the class comment; the message names the setting to change. */
    static void requireThisMachineOnly(Environment environment) {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank() || !loopback(address)) {
            throw new IllegalStateException("sijil.security.dev-issuer.enabled=true refuses to start with server.address="
                    + (address == null || address.isBlank() ? "(unset: every interface)" : address)
                    + ": anyone who reaches POST /dev/token gets any identity, administrator included;"
                    + " set server.address=127.0.0.1 or turn the development issuer off");
        }
        String database = environment.getProperty("spring.datasource.url");
        if (database != null && !database.isBlank() && !loopbackDatabase(database)) {
            int query = database.indexOf('?');
            throw new IllegalStateException("sijil.security.dev-issuer.enabled=true refuses to start with"
                    + " spring.datasource.url=" + (query < 0 ? database : database.substring(0, query))
                    + ", a database on another machine: the development issuer is for the embedded default"
                    + " (or a PostgreSQL on loopback) only");
        }
    }

    /**
     * Whether every host of a PostgreSQL JDBC URL ({@code jdbc:postgresql://h1[:p1][,h2[:p2]]/db}) is a
     * loopback address; no host ({@code jdbc:postgresql:db}) means localhost. Other URLs are not.
     */
    static boolean loopbackDatabase(String url) {
        String prefix = "jdbc:postgresql:";
        if (!url.startsWith(prefix)) {
            return false;
        }
        String rest = url.substring(prefix.length());
        if (!rest.startsWith("//")) {
            return true;
        }
        String authority = rest.substring(2).split("[/?]", 2)[0];
        if (authority.isEmpty()) {
            return true;
        }
        for (String host : authority.split(",")) {
            String name = host.startsWith("[") ? host.substring(1, Math.max(host.indexOf(']'), 1))
                    : host.split(":", 2)[0];
            if (!loopback(name)) {
                return false;
            }
        }
        return true;
    }

    /** {@code localhost} or a loopback address literal; other names are not looked up, nor trusted. */
    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Bean
    JwtDecoder jwtDecoder(DevTokenIssuer devTokenIssuer, OAuth2TokenValidator<Jwt> sijilClaimsValidator, Clock clock)
            throws JOSEException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.ES256, new ImmutableJWKSet<>(new JWKSet(devTokenIssuer.publicKey()))));
        // time and issuer are checked below with the application's clock, not Nimbus's
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                timestamps, new JwtIssuerValidator(DevTokenIssuer.ISSUER), sijilClaimsValidator));
        return decoder;
    }
}
