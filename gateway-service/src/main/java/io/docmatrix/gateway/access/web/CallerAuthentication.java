package io.docmatrix.gateway.access.web;

import io.docmatrix.gateway.access.Role;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller, whether by access token or API key. Its authorities expand each role to the roles below
 * it, so the matrix can require the least role; the identity keeps the roles exactly as auth issued them.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final CallerIdentity caller;

    CallerAuthentication(CallerIdentity caller) {
        super(authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    CallerIdentity caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        // Credentials are never kept once verified.
        return "";
    }

    @Override
    public CallerIdentity getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    private static List<SimpleGrantedAuthority> authorities(CallerIdentity caller) {
        return caller.roles().stream()
                .flatMap(name -> Role.named(name).stream())
                .flatMap(role -> role.withLesserRoles().stream())
                .distinct()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }
}
