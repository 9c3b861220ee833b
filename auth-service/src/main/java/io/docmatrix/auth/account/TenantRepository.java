package io.docmatrix.auth.account;

import java.util.Optional;
import java.util.UUID;

/** Stored tenants. */
public interface TenantRepository {

    /** Inserts the tenant; false when the name is taken. */
    boolean insert(Tenant tenant);

    Optional<Tenant> findByName(String name);

    Optional<Tenant> findById(UUID id);

    /** Serialises the startup bootstrap of several instances. Must run inside a transaction. */
    void lockBootstrap();
}
