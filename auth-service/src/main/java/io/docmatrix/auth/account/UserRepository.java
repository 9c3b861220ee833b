package io.docmatrix.auth.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stored users. Every method takes the tenant id and confines its query to it. */
public interface UserRepository {

    /** Inserts the user and its roles; false when the username is taken in the tenant. */
    boolean insert(User user);

    Optional<User> find(UUID tenantId, UUID userId);

    Optional<User> findByUsername(UUID tenantId, String username);

    List<User> list(UUID tenantId);

    void setEnabled(UUID tenantId, UUID userId, boolean enabled);

    void setRoles(UUID tenantId, UUID userId, Set<Role> roles);

    void setPasswordHash(UUID tenantId, UUID userId, String passwordHash);
}
