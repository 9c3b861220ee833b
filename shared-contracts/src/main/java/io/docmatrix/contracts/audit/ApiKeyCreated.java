package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API key was issued for machine access to a tenant. The secret part of the key never leaves auth-service.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the key was issued (UTC)
 * @param tenant the tenant slug; the Kafka key
 * @param tenantId the tenant's id
 * @param keyId the key's id
 * @param prefix the key's public prefix, which identifies it in logs, e.g. {@code dmx_7Qh2Lk}
 * @param role the role the key acts with, e.g. {@code ANALYST}
 * @param createdBy the user who issued the key
 */
public record ApiKeyCreated(
        UUID eventId,
        Instant occurredAt,
        String tenant,
        UUID tenantId,
        UUID keyId,
        String prefix,
        String role,
        String createdBy)
        implements AuditEvent {

    public ApiKeyCreated {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(keyId, "keyId must not be null");
        Objects.requireNonNull(prefix, "prefix must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(createdBy, "createdBy must not be null");
    }
}
