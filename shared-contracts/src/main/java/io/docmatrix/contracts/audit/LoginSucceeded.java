package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user logged in with a password and received tokens.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the login succeeded (UTC)
 * @param tenant the tenant slug; the Kafka key
 * @param tenantId the tenant's id
 * @param userId the user who logged in
 * @param username the user's login name at the time
 * @param clientAddress the client's IP address as seen by the gateway, e.g. {@code 203.0.113.24}
 */
public record LoginSucceeded(
        UUID eventId,
        Instant occurredAt,
        String tenant,
        UUID tenantId,
        UUID userId,
        String username,
        String clientAddress)
        implements AuditEvent {

    public LoginSucceeded {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(clientAddress, "clientAddress must not be null");
    }
}
