package org.sijil.api.access;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings ({@code sijil.access.*}).
 *
 * @param ministryCertificates ministry client certificates accepted for mutual TLS: the subject DN
 *                             of each (RFC 2253 form) and the ministry it acts for. Empty by default:
 *                             ministries then authenticate as OAuth2 clients only.
 * @param wakeDelay            how long after an access event is stored the event store's reader is
 *                             woken to fetch it (for the transparency log and the feeds); the events
 *                             stored meanwhile share that wake and its fetch. 0 wakes it at once.
 *                             Reads never wait for it: each answers once its own event is durable.
 */
@ConfigurationProperties("sijil.access")
public record AccessProperties(
        @DefaultValue Map<String, String> ministryCertificates,
        @DefaultValue("10ms") Duration wakeDelay) {

    public AccessProperties {
        ministryCertificates = ministryCertificates == null ? Map.of() : Map.copyOf(ministryCertificates);
        if (wakeDelay == null || wakeDelay.isNegative()) {
            throw new IllegalArgumentException("sijil.access.wake-delay must be 0 or more, got " + wakeDelay);
        }
    }
}
