package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant was created; its audit trail starts here.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the tenant was created (UTC)
 * @param tenant the new tenant's slug; the Kafka key
 * @param tenantId the new tenant's id
 * @param createdBy the platform administrator who created it
 */
public record TenantCreated(UUID eventId, Instant occurredAt, String tenant, UUID tenantId, String createdBy)
        implements AuditEvent {

    public TenantCreated {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(createdBy, "createdBy must not be null");
    }
}
