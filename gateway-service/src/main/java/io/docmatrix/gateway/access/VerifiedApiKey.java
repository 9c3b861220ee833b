package io.docmatrix.gateway.access;

import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.util.Set;
import java.util.UUID;

/** Auth's answer for a valid API key: whose it is and the one role it carries. */
public record VerifiedApiKey(String keyId, UUID tenantId, String tenant, String role, String prefix, String name) {

    /** The key acts as itself: its id is the subject and its prefix the name audit trails show. */
    public CallerIdentity caller() {
        return new CallerIdentity(tenantId, tenant, keyId, prefix, Set.of(role), AuthKind.API_KEY);
    }
}
