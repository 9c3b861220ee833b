package io.docmatrix.auth.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored API keys; management queries are confined to one tenant. */
public interface ApiKeyRepository {

    void insert(ApiKey key);

    List<ApiKey> list(UUID tenantId);

    Optional<ApiKey> find(UUID tenantId, UUID keyId);

    /** Any tenant's key by its prefix, for verification. */
    Optional<ApiKey> findByPrefix(String prefix);

    /** True when a key of the tenant was revoked now (false when absent or already revoked). */
    boolean revoke(UUID tenantId, UUID keyId, Instant at);

    /** Records a use unless one was recorded less than {@code interval} ago. */
    void touch(UUID keyId, Instant at, Duration interval);
}
