package io.docmatrix.auth.audit.persistence;

import io.docmatrix.auth.audit.AuditTrail;
import io.docmatrix.contracts.audit.AuditEvent;
import io.docmatrix.runtime.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit events to the outbox, from which the relay publishes them to {@code identity.audit.v1} keyed by tenant
 * slug. {@code MANDATORY} makes a call outside a transaction fail loudly instead of committing an event for a change
 * that may still roll back.
 */
@Component
class OutboxAuditTrail implements AuditTrail {

    private final OutboxWriter outbox;

    OutboxAuditTrail(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
        outbox.append(event);
    }
}
