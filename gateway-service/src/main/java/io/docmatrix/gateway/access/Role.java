package io.docmatrix.gateway.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles auth issues, from least to most privileged. Each role may do everything the roles before it may, so the
 * matrix names only the least role a route needs.
 */
public enum Role {
    VIEWER,
    ANALYST,
    ADMIN,
    PLATFORM_ADMIN;

    /** This role and every role below it. */
    public Set<Role> withLesserRoles() {
        return EnumSet.range(VIEWER, this);
    }

    /** The role of this name; empty for names auth might add later, which then grant nothing here. */
    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
