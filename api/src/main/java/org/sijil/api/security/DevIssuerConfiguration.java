package org.sijil.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sijil.security.dev-issuer", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DevIssuerProperties.class)
public class DevIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

    @Bean
    DevTokenIssuer devTokenIssuer(DevIssuerProperties properties, Clock clock) {
        log.warn("Development token issuer is enabled: anyone who can reach POST /dev/token can act as any"
                + " demo identity. Never enable sijil.security.dev-issuer.enabled in production.");
        return new DevTokenIssuer(DevIdentity.seeded(properties.citizenPersonId()), clock);
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
