package org.sijil.api.security;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who a TLS client certificate stands for. The TLS layer has already checked the certificate's chain
 * to the trusted client CA and its validity; this decides only whom it names.
 */
public interface ClientCertificateCallers {

    /** The caller {@code certificate} stands for, or empty if it is not an accepted client certificate. */
    Optional<Caller> callerFor(X509Certificate certificate);
}
