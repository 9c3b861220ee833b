package io.docmatrix.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this process: two numbers per key, dropped once a bucket has been idle long enough to be full again
 * (it then equals a fresh one) and bounded in count, so memory stays flat however many tenants or addresses appear.
 * Right for one gateway replica; with several, each would grant the full budget, which is what {@code redis} is for.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private static final long MAX_BUCKETS = 200_000;

    private final Ticker ticker;
    private final Cache<String, TokenBucket> buckets;

    public InMemoryRateLimiter(Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS)
                .ticker(ticker)
                .expireAfter(Expiry.<String, TokenBucket>accessing((key, bucket) -> bucket.limit.timeToFill()))
                .build();
    }

    @Override
    public Mono<Decision> tryAcquire(String key, Limit limit) {
        // The limit is part of the key so a changed budget takes effect with a fresh bucket.
        String bucketKey = key + "|" + limit.capacity() + "/" + limit.requests() + "/"
                + limit.period().toMillis();
        TokenBucket bucket = buckets.get(bucketKey, k -> new TokenBucket(limit, ticker.read()));
        return Mono.just(bucket.tryAcquire(ticker.read()));
    }

    static final class TokenBucket {

        private final Limit limit;
        private double tokens;
        private long updatedAt;

        TokenBucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.updatedAt = now;
        }

        synchronized Decision tryAcquire(long now) {
            double rate = limit.tokensPerNano();
            tokens = Math.min(limit.capacity(), tokens + Math.max(0, now - updatedAt) * rate);
            updatedAt = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long retryAfter = allowed ? 0 : seconds((1 - tokens) / rate);
            return new Decision(
                    allowed,
                    limit.capacity(),
                    (long) Math.floor(tokens),
                    retryAfter,
                    seconds((limit.capacity() - tokens) / rate));
        }

        private static long seconds(double nanos) {
            return (long) Math.ceil(nanos / 1_000_000_000d);
        }
    }
}
