package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.sijil.api.access.AccessProperties;
import org.sijil.api.access.AccessRecorder;
import org.sijil.api.access.MinistryClientCertificates;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.core.api.access.AccessBasisKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mutual-TLS seam: a ministry's verified client certificate becomes the same {@link Caller} its
 * OAuth2 token would, by an explicit table of subject DNs; anything else gets no caller. A read
 * recorded for that caller names the certificate's subject.
 */
class AccessClientCertificateIT extends ConsentBaseIT {

    private static final String HEALTH_DN = "CN=moh-records-01,OU=health,O=Ministry of Health,C=IQ";

    @Autowired
    ConsentProperties consent;

    @Autowired
    AccessRecorder recorder;

    @Test
    void anAcceptedCertificateIsItsMinistrysCallerAndNothingElseIs() throws Exception {
        MinistryClientCertificates certificates = new MinistryClientCertificates(
                new AccessProperties(Map.of(HEALTH_DN, "health")), consent);

        Caller caller = certificates.callerFor(certificate(HEALTH_DN)).orElseThrow();
        assertThat(caller.roles()).containsExactly(Roles.MINISTRY);
        assertThat(caller.ministry()).isEqualTo("health");
        assertThat(caller.subject()).isEqualTo(HEALTH_DN);
        assertThat(caller.personId()).isNull();
        // the same DN written differently is the same subject
        assertThat(certificates.callerFor(certificate("cn=MOH-records-01, ou=health, o=Ministry of Health, c=IQ")))
                .isPresent();
        // a certificate from the same CA naming the ministry in its text is not enough: only the table counts
        assertThat(certificates.callerFor(certificate("CN=moh-records-02,OU=health,O=Ministry of Health,C=IQ")))
                .isEmpty();
        assertThatThrownBy(() -> new MinistryClientCertificates(
                new AccessProperties(Map.of(HEALTH_DN, "defence")), consent))
                .isInstanceOf(IllegalArgumentException.class);

        // a read by that caller is recorded under the certificate's subject and the ministry
        UUID accessId = recorder.record(caller, AccessRecorder.Entry.denied(UUID.fromString(CITIZEN), Roles.MINISTRY,
                "vaccination", AccessBasisKind.CONSENT, "access.no-basis"));
        Map<String, Object> row = jdbc.queryForMap("SELECT subject, organisation FROM access_history "
                + "WHERE access_id = ?", accessId);
        assertThat(row).containsEntry("subject", HEALTH_DN).containsEntry("organisation", "health");
    }

    private static X509Certificate certificate(String subject) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Instant now = Instant.now();
        // the subject DER-encoded as RFC 2253 reads it (the JDK's order, not Bouncy Castle's string order)
        X500Name name = X500Name.getInstance(new X500Principal(subject).getEncoded());
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
