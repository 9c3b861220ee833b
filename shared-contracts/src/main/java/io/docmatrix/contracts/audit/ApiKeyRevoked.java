package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API key was revoked; requests presenting it are refused from now on.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the key was revoked (UTC)
 * @param tenant the tenant slug; the Kafka key
 * @param tenantId the tenant's id
 * @param keyId the revoked key's id
 * @param revokedBy the user who revoked the key
 */
public record ApiKeyRevoked(
        UUID eventId, Instant occurredAt, String tenant, UUID tenantId, UUID keyId, String revokedBy)
        implements AuditEvent {

    public ApiKeyRevoked {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(keyId, "keyId must not be null");
        Objects.requireNonNull(revokedBy, "revokedBy must not be null");
    }
}
