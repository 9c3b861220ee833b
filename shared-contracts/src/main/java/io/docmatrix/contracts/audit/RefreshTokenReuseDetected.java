package io.docmatrix.contracts.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token that had already been rotated was presented again, a sign it was stolen; auth-service revoked the
 * whole token family, so the user must log in again.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the reuse was detected (UTC)
 * @param tenant the tenant slug; the Kafka key
 * @param tenantId the tenant's id
 * @param userId the user the token family belongs to
 * @param familyId the revoked family of refresh tokens issued from one login
 * @param clientAddress the IP address that presented the reused token, e.g. {@code 198.51.100.7}
 */
public record RefreshTokenReuseDetected(
        UUID eventId,
        Instant occurredAt,
        String tenant,
        UUID tenantId,
        UUID userId,
        UUID familyId,
        String clientAddress)
        implements AuditEvent {

    public RefreshTokenReuseDetected {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(familyId, "familyId must not be null");
        Objects.requireNonNull(clientAddress, "clientAddress must not be null");
    }
}
