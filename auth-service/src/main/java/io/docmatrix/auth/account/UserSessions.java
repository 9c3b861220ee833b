package io.docmatrix.auth.account;

import java.util.UUID;

/**
 * The sessions (refresh token families) of a user, which must end when the account is disabled or its password
 * changes. Implemented by the session feature, so accounts do not depend on it.
 */
public interface UserSessions {

    /** Revokes every refresh token of the user, within the caller's transaction. */
    void revokeAll(UUID tenantId, UUID userId);
}
