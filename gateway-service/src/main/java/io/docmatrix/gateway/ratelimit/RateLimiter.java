package io.docmatrix.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Token buckets by key: in memory for a single gateway, in Redis when replicas share budgets. */
public interface RateLimiter {

    /** Takes one token from the bucket {@code key} of shape {@code limit}, creating a full bucket if there is none. */
    Mono<Decision> tryAcquire(String key, Limit limit);
}
