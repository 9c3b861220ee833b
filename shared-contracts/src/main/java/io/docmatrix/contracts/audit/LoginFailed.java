package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A login attempt was refused. Repeated failures for one user or address are what security tooling alerts on.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the attempt was refused (UTC)
 * @param tenant the tenant slug the client sent; the Kafka key
 * @param tenantId the tenant's id, or null when the slug names no tenant
 * @param username the login name the client sent (possibly not an existing user); never the password
 * @param clientAddress the client's IP address as seen by the gateway, e.g. {@code 203.0.113.24}
 * @param reason why it was refused, e.g. {@code BAD_CREDENTIALS}, {@code THROTTLED}, {@code DISABLED}; an open set, so
 *     readers treat unknown reasons as a generic refusal
 */
public record LoginFailed(
        UUID eventId,
        Instant occurredAt,
        String tenant,
        @Nullable UUID tenantId,
        String username,
        String clientAddress,
        String reason)
        implements AuditEvent {

    public LoginFailed {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(clientAddress, "clientAddress must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
    }
}
