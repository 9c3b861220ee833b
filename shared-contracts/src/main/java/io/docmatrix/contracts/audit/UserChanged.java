package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A user account of a tenant was created or changed in a security-relevant way.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the change was made (UTC)
 * @param tenant the tenant slug; the Kafka key
 * @param tenantId the tenant's id
 * @param userId the changed user
 * @param username the user's login name after the change
 * @param change what happened to the account
 * @param roles the user's roles after the change, e.g. {@code ["ANALYST"]}; an absent list reads as empty
 * @param changedBy the user or administrator who made the change; the user's own name for a self-service password change
 */
public record UserChanged(
        UUID eventId,
        Instant occurredAt,
        String tenant,
        UUID tenantId,
        UUID userId,
        String username,
        UserChange change,
        List<String> roles,
        String changedBy)
        implements AuditEvent {

    public UserChanged {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(change, "change must not be null");
        roles = roles == null ? List.of() : List.copyOf(roles);
        Objects.requireNonNull(changedBy, "changedBy must not be null");
    }
}
