package org.sijil.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mutual TLS for ministry systems ({@code sijil.security.mutual-tls.*}); see
 * {@link MinistryCertificateFilter}.
 *
 * @param enabled {@code enabled}, default {@code false} (the embedded run has no TLS): when true,
 *                a ministry client's token is honoured only with a TLS client certificate bound to
 *                it, and an accepted ministry certificate alone also authenticates. Needs the
 *                server's TLS connector to ask for client certificates
 *                ({@code server.ssl.client-auth=want} or {@code need}), else start-up fails.
 */
@ConfigurationProperties("sijil.security.mutual-tls")
public record MutualTlsProperties(@DefaultValue("false") boolean enabled) {}
