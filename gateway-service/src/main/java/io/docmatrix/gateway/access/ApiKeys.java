package io.docmatrix.gateway.access;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * API key verification with a short-lived cache in front of auth. Entries are keyed by the key's SHA-256, so a heap
 * dump holds no usable key. Valid keys are trusted for {@code positiveTtl} (which bounds how long a revoked key keeps
 * working); rejections are remembered for a shorter {@code negativeTtl} so a newly created key works quickly while a
 * client retrying a bad key does not hit auth on every request. Failures are never cached.
 */
public final class ApiKeys {

    private static final int MAX_ENTRIES = 100_000;

    private final ApiKeyVerification verification;
    private final AsyncCache<String, Optional<VerifiedApiKey>> cache;

    public ApiKeys(ApiKeyVerification verification, Duration positiveTtl, Duration negativeTtl, Ticker ticker) {
        this.verification = verification;
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Optional<VerifiedApiKey>>creating(
                        (key, verdict) -> verdict.isPresent() ? positiveTtl : negativeTtl))
                .buildAsync();
    }

    public Mono<Optional<VerifiedApiKey>> verify(String key) {
        return Mono.fromFuture(() -> cache.get(
                sha256(key), (digest, executor) -> verification.verify(key).toFuture()));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
