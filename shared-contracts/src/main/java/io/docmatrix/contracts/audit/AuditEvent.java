package io.docmatrix.contracts.audit;

import io.docmatrix.contracts.DomainEvent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event on {@code identity.audit.v1}, keyed by the tenant slug, so one tenant's audit trail arrives in the order
 * auth-service wrote it. Sealed so that consumers switch over it exhaustively.
 */
public sealed interface AuditEvent extends DomainEvent
        permits TenantCreated,
                LoginSucceeded,
                LoginFailed,
                RefreshTokenReuseDetected,
                ApiKeyCreated,
                ApiKeyRevoked,
                UserChanged {

    /** The tenant slug, e.g. {@code acme-legal}: the Kafka key. */
    String tenant();

    /** The tenant's id, or null when the slug names no tenant (only possible for {@link LoginFailed}). */
    @Nullable
    UUID tenantId();

    @Override
    default String aggregateId() {
        return tenant();
    }
}
