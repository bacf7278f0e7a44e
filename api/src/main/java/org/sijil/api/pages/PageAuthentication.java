package org.sijil.api.pages;

import java.util.Objects;
import org.sijil.api.security.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in to the pages, kept in their session. Its principal is the {@link Caller}
 * itself, which {@link Caller#of} hands to the controllers as it stands, so a page and the API see
 * the same caller. (A bearer token's authentication is never kept in a session.)
 */
final class PageAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;

    PageAuthentication(Caller caller) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.caller = Objects.requireNonNull(caller, "caller");
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageAuthentication other && super.equals(other) && caller.equals(other.caller);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + caller.hashCode();
    }
}
