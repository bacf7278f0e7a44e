package org.sijil.api.security;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whom bearer tokens must be meant for.
 *
 * @param audiences {@code sijil.security.audiences}, default {@code sijil}: a token's {@code aud}
 *                  must name one of them, so that a token the identity provider issued for another
 *                  service is refused here; set it to the client id the provider puts in {@code aud}.
 *                  The development issuer writes the first into its tokens.
 */
@Validated
@ConfigurationProperties("sijil.security")
public record TokenAudienceProperties(@NotNull @DefaultValue("sijil") List<String> audiences) {
}
