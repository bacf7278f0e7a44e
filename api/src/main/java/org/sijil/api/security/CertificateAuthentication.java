package org.sijil.api.security;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller authenticated by a TLS client certificate alone, without a bearer token. */
final class CertificateAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final transient X509Certificate certificate;

    CertificateAuthentication(Caller caller, X509Certificate certificate) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role)).toList());
        this.caller = caller;
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public X509Certificate getCredentials() {
        return certificate;
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateAuthentication other && super.equals(other) && caller.equals(other.caller);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + caller.hashCode();
    }
}
