package org.sijil.api.access;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings ({@code sijil.access.*}).
 *
 * @param ministryCertificates ministry client certificates accepted for mutual TLS: the subject DN
 *                             of each (RFC 2253 form) and the ministry it acts for. Empty by default:
 *                             ministries then authenticate as OAuth2 clients only.
 */
@ConfigurationProperties("sijil.access")
public record AccessProperties(
        @DefaultValue Map<String, String> ministryCertificates) {

    public AccessProperties {
        ministryCertificates = ministryCertificates == null ? Map.of() : Map.copyOf(ministryCertificates);
    }
}
