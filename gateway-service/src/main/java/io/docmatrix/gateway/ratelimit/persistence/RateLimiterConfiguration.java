package io.docmatrix.gateway.ratelimit.persistence;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.gateway.ratelimit.InMemoryRateLimiter;
import io.docmatrix.gateway.ratelimit.RateLimiter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Picks where buckets live: {@code gateway.rate-limits.store=memory} (default) or {@code redis}. */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gateway.rate-limits.store", havingValue = "redis")
    RateLimiter redisRateLimiter(ReactiveRedisConnectionFactory redis, GatewayProperties properties) {
        return new RedisRateLimiter(
                new ReactiveStringRedisTemplate(redis), properties.rateLimits().redisKeyPrefix());
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.rate-limits.store", havingValue = "memory", matchIfMissing = true)
    RateLimiter inMemoryRateLimiter() {
        return new InMemoryRateLimiter(Ticker.systemTicker());
    }
}
