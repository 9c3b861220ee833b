package io.docmatrix.auth.apikey;

import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.audit.AuditTrail;
import io.docmatrix.auth.config.AuthProblem;
import io.docmatrix.contracts.audit.ApiKeyCreated;
import io.docmatrix.contracts.audit.ApiKeyRevoked;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and verifies API keys. Management needs ADMIN and stays within the caller's tenant. */
@Service
public class ApiKeys {

    // Recording every use would turn each API request into a write; a minute is precise enough for "last used".
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final byte[] NO_HASH = ApiKeySecret.hash("dmx_00000000_no-such-key");

    private final ApiKeyRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key with its secret, which exists only in this response. */
    public record Created(ApiKey key, String secret) {}

    /** What the gateway learns about a valid key. */
    public record Verified(UUID keyId, UUID tenantId, String tenant, Role role, String prefix, String name) {}

    @Transactional
    public Created create(CallerIdentity caller, String name, Role role) {
        requireAdmin(caller);
        if (role == Role.PLATFORM_ADMIN) {
            throw AuthProblem.invalid("INVALID_ROLE", "API keys cannot hold PLATFORM_ADMIN.");
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        Instant now = clock.instant();
        ApiKey key = new ApiKey(
                UUID.randomUUID(),
                caller.tenantId(),
                caller.tenant(),
                name.strip(),
                secret.prefix(),
                secret.hash(),
                role,
                caller.name(),
                now,
                null,
                null);
        repository.insert(key);
        audit.record(new ApiKeyCreated(
                UUID.randomUUID(),
                now,
                caller.tenant(),
                caller.tenantId(),
                key.id(),
                key.visiblePrefix(),
                role.name(),
                caller.name()));
        return new Created(key, secret.key());
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list(CallerIdentity caller) {
        requireAdmin(caller);
        return repository.list(caller.tenantId());
    }

    @Transactional
    public void revoke(CallerIdentity caller, UUID keyId) {
        requireAdmin(caller);
        repository.find(caller.tenantId(), keyId).orElseThrow(() -> AuthProblem.notFound("API key"));
        Instant now = clock.instant();
        if (repository.revoke(caller.tenantId(), keyId, now)) {
            audit.record(new ApiKeyRevoked(
                    UUID.randomUUID(), now, caller.tenant(), caller.tenantId(), keyId, caller.name()));
        }
    }

    /** The key's identity when it exists and is not revoked. */
    @Transactional
    public Optional<Verified> verify(String presented) {
        Optional<ApiKey> stored = ApiKeySecret.prefixOf(presented).flatMap(repository::findByPrefix);
        byte[] expected = stored.map(ApiKey::hash).orElse(NO_HASH);
        // Constant-time comparison, done even without a stored key so timing does not reveal which prefixes exist.
        boolean matches = MessageDigest.isEqual(expected, ApiKeySecret.hash(presented));
        if (stored.isEmpty() || !matches || stored.get().revokedAt() != null) {
            return Optional.empty();
        }
        ApiKey key = stored.get();
        repository.touch(key.id(), clock.instant(), TOUCH_INTERVAL);
        return Optional.of(
                new Verified(key.id(), key.tenantId(), key.tenant(), key.role(), key.visiblePrefix(), key.name()));
    }

    private static void requireAdmin(CallerIdentity caller) {
        if (!caller.hasRole(Role.ADMIN.name())) {
            throw AuthProblem.forbidden();
        }
    }
}
