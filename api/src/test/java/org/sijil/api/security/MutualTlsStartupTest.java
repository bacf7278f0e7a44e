package org.sijil.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Ssl;

/** Mutual TLS on without a connector that asks for client certificates would refuse every ministry: start-up fails. */
class MutualTlsStartupTest {

    @Test
    void needsATlsConnectorThatAsksForClientCertificates() {
        assertThatThrownBy(() -> SecurityConfiguration.requireClientCertificates(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client-auth=want");
        ServerProperties plain = new ServerProperties();
        assertThatThrownBy(() -> SecurityConfiguration.requireClientCertificates(plain))
                .isInstanceOf(IllegalStateException.class);
        ServerProperties tlsOnly = server(null);
        assertThatThrownBy(() -> SecurityConfiguration.requireClientCertificates(tlsOnly))
                .isInstanceOf(IllegalStateException.class);
        ServerProperties none = server(Ssl.ClientAuth.NONE);
        assertThatThrownBy(() -> SecurityConfiguration.requireClientCertificates(none))
                .isInstanceOf(IllegalStateException.class);

        assertThatCode(() -> SecurityConfiguration.requireClientCertificates(server(Ssl.ClientAuth.WANT)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SecurityConfiguration.requireClientCertificates(server(Ssl.ClientAuth.NEED)))
                .doesNotThrowAnyException();
    }

    private static ServerProperties server(Ssl.ClientAuth clientAuth) {
        ServerProperties server = new ServerProperties();
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setCertificate("file:server.pem");
        ssl.setClientAuth(clientAuth);
        server.setSsl(ssl);
        return server;
    }
}
