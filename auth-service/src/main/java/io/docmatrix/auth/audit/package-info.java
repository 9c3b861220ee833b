/**
 * The identity audit trail: security events recorded in the same transaction as the change they describe, and relayed
 * to {@code identity.audit.v1} from the outbox.
 */
@NullMarked
package io.docmatrix.auth.audit;

import org.jspecify.annotations.NullMarked;
