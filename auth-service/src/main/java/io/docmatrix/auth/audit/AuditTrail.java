package io.docmatrix.auth.audit;

import io.docmatrix.contracts.audit.AuditEvent;

/**
 * Where features record security events. Implementations must write within the caller's transaction, so an event
 * exists exactly when the change it describes was committed.
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
