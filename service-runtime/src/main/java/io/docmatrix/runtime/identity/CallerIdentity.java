package io.docmatrix.runtime.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of one request.
 *
 * @param tenantId the tenant every read and write of this request is confined to
 * @param tenant the tenant's slug, for logs and audit
 * @param subject the user id or API key id
 * @param name the username or the API key's prefix, for audit trails
 * @param roles role names without prefix: {@code PLATFORM_ADMIN}, {@code ADMIN}, {@code ANALYST}, {@code VIEWER}
 * @param kind how the caller authenticated
 */
public record CallerIdentity(
        UUID tenantId, String tenant, String subject, String name, Set<String> roles, AuthKind kind) {

    public CallerIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
