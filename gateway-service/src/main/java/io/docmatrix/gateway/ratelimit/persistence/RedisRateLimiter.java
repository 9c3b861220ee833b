package io.docmatrix.gateway.ratelimit.persistence;

import io.docmatrix.gateway.ratelimit.Decision;
import io.docmatrix.gateway.ratelimit.Limit;
import io.docmatrix.gateway.ratelimit.RateLimiter;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica. One Lua script reads, refills, takes a token and writes the
 * bucket atomically, using Redis's clock so replicas with drifting clocks agree. Each bucket is a two-field hash that
 * expires once it would be full again, so idle keys cost nothing.
 */
public final class RedisRateLimiter implements RateLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TOKEN_BUCKET = RedisScript.of(
            """
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then
              tokens = capacity
              ts = now
            end
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            local retry = 0
            if allowed == 0 then
              retry = math.ceil((1 - tokens) / rate)
            end
            local full = math.ceil((capacity - tokens) / rate)
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], full + 1000)
            return {allowed, math.floor(tokens), retry, full}
            """,
            List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    public RedisRateLimiter(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Mono<Decision> tryAcquire(String key, Limit limit) {
        double tokensPerMilli = limit.tokensPerNano() * 1_000_000d;
        return redis.execute(
                        TOKEN_BUCKET,
                        List.of(keyPrefix + key),
                        List.of(Long.toString(limit.capacity()), Double.toString(tokensPerMilli)))
                .next()
                .map(result -> {
                    List<?> values = (List<?>) result;
                    boolean allowed = number(values.get(0)) == 1;
                    return new Decision(
                            allowed,
                            limit.capacity(),
                            number(values.get(1)),
                            seconds(number(values.get(2))),
                            seconds(number(values.get(3))));
                });
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
