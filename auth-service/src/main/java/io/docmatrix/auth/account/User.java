package io.docmatrix.auth.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person who logs in to one tenant with a username and password. */
public record User(
        UUID id,
        UUID tenantId,
        String username,
        String passwordHash,
        boolean enabled,
        Set<Role> roles,
        Instant createdAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
