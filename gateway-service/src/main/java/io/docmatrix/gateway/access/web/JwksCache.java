package io.docmatrix.gateway.access.web;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Auth's signing keys, fetched from its JWKS and kept in memory so access tokens are validated without a call to auth.
 * Auth rotates keys: a token whose {@code kid} is unknown triggers a refetch, but at most one per
 * {@code minRefetchInterval}, so a flood of tokens with made-up key ids costs auth one request per interval. Known keys
 * are refetched after {@code maxAge} so a withdrawn key stops working; if auth is down then, the last keys stay in use.
 */
final class JwksCache {

    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

    private final Supplier<Mono<JWKSet>> fetch;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Duration maxAge;
    private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<Instant> lastFetch = new AtomicReference<>(Instant.EPOCH);

    JwksCache(Supplier<Mono<JWKSet>> fetch, Clock clock, Duration minRefetchInterval, Duration maxAge) {
        this.fetch = fetch;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
        this.maxAge = maxAge;
    }

    /** The key the token names, or none: tokens without a {@code kid} are never matched against all keys. */
    Flux<JWK> keysFor(SignedJWT token) {
        String kid = token.getHeader().getKeyID();
        if (kid == null) {
            return Flux.empty();
        }
        return current().flatMapMany(keys -> {
            JWK key = keys.getKeyByKeyId(kid);
            if (key != null) {
                return Flux.just(key);
            }
            // A failed refetch leaves the token unverifiable with the keys at hand: rejected, not an outage.
            return refetchIfAllowed()
                    .onErrorResume(e -> Mono.empty())
                    .mapNotNull(fresh -> fresh.getKeyByKeyId(kid))
                    .flux();
        });
    }

    private Mono<JWKSet> current() {
        Snapshot known = snapshot.get();
        if (known == null) {
            return fetchNow();
        }
        if (known.fetchedAt().plus(maxAge).isBefore(clock.instant())) {
            return refetchIfAllowed().defaultIfEmpty(known.keys()).onErrorReturn(known.keys());
        }
        return Mono.just(known.keys());
    }

    private Mono<JWKSet> refetchIfAllowed() {
        Instant now = clock.instant();
        Instant previous = lastFetch.get();
        // Only the caller that moves lastFetch forward fetches; concurrent ones see the interval as used.
        if (previous.plus(minRefetchInterval).isAfter(now) || !lastFetch.compareAndSet(previous, now)) {
            return Mono.empty();
        }
        return doFetch(now);
    }

    private Mono<JWKSet> fetchNow() {
        Instant now = clock.instant();
        lastFetch.set(now);
        return doFetch(now);
    }

    private Mono<JWKSet> doFetch(Instant now) {
        return fetch.get()
                .doOnNext(keys -> snapshot.set(new Snapshot(keys, now)))
                .doOnError(e -> log.warn("Could not fetch auth's JWKS: {}", e.toString()));
    }

    private record Snapshot(JWKSet keys, Instant fetchedAt) {}
}
