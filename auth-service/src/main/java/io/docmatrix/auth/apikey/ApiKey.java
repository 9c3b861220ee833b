package io.docmatrix.auth.apikey;

import io.docmatrix.auth.account.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored API key.
 *
 * @param tenant the tenant's slug, read with the key
 * @param prefix the visible part that identifies the key, e.g. {@code 7qh2lk0a}
 * @param hash SHA-256 of the whole key
 * @param lastUsedAt updated at most once a minute
 */
public record ApiKey(
        UUID id,
        UUID tenantId,
        String tenant,
        String name,
        String prefix,
        byte[] hash,
        Role role,
        String createdBy,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    /** The prefix as shown to people and in logs, with the scheme: {@code dmx_7qh2lk0a}. */
    public String visiblePrefix() {
        return ApiKeySecret.SCHEME + prefix;
    }
}
