package org.sijil.api.access;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.api.security.Caller;
import org.sijil.api.security.ClientCertificateCallers;
import org.sijil.api.security.Roles;
import org.springframework.stereotype.Component;

/**
 * The seam for ministry systems that authenticate with a mutual-TLS client certificate instead of
 * an OAuth2 token: it turns a certificate the TLS layer has already verified (chain to the
 * registry's ministry-client CA, validity) into the same {@link Caller} a ministry's token gives —
 * role {@code MINISTRY}, the ministry's name — so consent and legal-basis checks, access records
 * and the categories returned are the same whichever way the ministry authenticated.
 *
 * <p>The ministry comes from an explicit table of accepted subject DNs
 * ({@code sijil.access.ministry-certificates}), never from parsing the subject's text: a
 * certificate the table does not list, or one naming a ministry the registry does not know, gets
 * no caller. The subject recorded in access events is the certificate's subject DN. With
 * {@code sijil.security.mutual-tls.enabled} the security chain asks it both whether a ministry's
 * token comes with its own ministry's certificate and who a request with a certificate alone is;
 * see {@code docs/authorisation-matrix.md}, "Ministry clients over mutual TLS".
 */
@Component
public class MinistryClientCertificates implements ClientCertificateCallers {

    private final Map<X500Principal, String> ministries = new HashMap<>();

    public MinistryClientCertificates(AccessProperties properties, ConsentProperties consent) {
        properties.ministryCertificates().forEach((subject, ministry) -> {
            if (!consent.knowsMinistry(ministry)) {
                throw new IllegalArgumentException("sijil.access.ministry-certificates names an unknown ministry: "
                        + ministry);
            }
            ministries.put(new X500Principal(subject), ministry);
        });
    }

    /**
     * The caller a verified client certificate stands for, or empty if it is not an accepted
     * ministry certificate.
     */
    @Override
    public Optional<Caller> callerFor(X509Certificate certificate) {
        X500Principal subject = certificate.getSubjectX500Principal();
        // X500Principal equality compares canonical forms: case and spacing of the DN do not matter
        String ministry = ministries.get(subject);
        if (ministry == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(subject.getName(X500Principal.RFC2253), Set.of(Roles.MINISTRY), null, null,
                ministry, null, null));
    }
}
