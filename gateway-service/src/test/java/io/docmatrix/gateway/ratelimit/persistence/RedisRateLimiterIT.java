package io.docmatrix.gateway.ratelimit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docmatrix.gateway.ratelimit.Decision;
import io.docmatrix.gateway.ratelimit.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Against the real Redis at 127.0.0.1:6379; skipped where there is none. */
class RedisRateLimiterIT {

    private static final Limit FIVE_PER_MINUTE = new Limit("queries", 5, Duration.ofMinutes(1), 5);

    private final String prefix = "docmatrix:test:rl:" + UUID.randomUUID() + ":";
    private final List<LettuceConnectionFactory> connections = new ArrayList<>();

    @BeforeEach
    void requireRedis() {
        LettuceConnectionFactory probe = connect();
        try {
            assumeTrue("PONG"
                    .equals(new ReactiveStringRedisTemplate(probe)
                            .getConnectionFactory()
                            .getReactiveConnection()
                            .ping()
                            .block(Duration.ofSeconds(2))));
        } catch (RuntimeException e) {
            assumeTrue(false, "Redis at 127.0.0.1:6379 is unreachable: " + e);
        }
    }

    @AfterEach
    void cleanUp() {
        if (!connections.isEmpty()) {
            ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections.get(0));
            redis.keys(prefix + "*").flatMap(redis::delete).blockLast(Duration.ofSeconds(5));
        }
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void enforcesOneSharedBudgetAcrossTwoGatewayReplicas() {
        RedisRateLimiter replicaA = new RedisRateLimiter(new ReactiveStringRedisTemplate(connect()), prefix);
        RedisRateLimiter replicaB = new RedisRateLimiter(new ReactiveStringRedisTemplate(connect()), prefix);

        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            decisions.add(
                    replicaA.tryAcquire("tenant:t1:queries", FIVE_PER_MINUTE).block());
            decisions.add(
                    replicaB.tryAcquire("tenant:t1:queries", FIVE_PER_MINUTE).block());
        }

        assertThat(decisions).filteredOn(Decision::allowed).hasSize(5);
        Decision last = decisions.get(decisions.size() - 1);
        assertThat(last.allowed()).isFalse();
        assertThat(last.retryAfterSeconds()).isBetween(1L, 12L);
    }

    @Test
    void keepsTenantsInSeparateBuckets() {
        RedisRateLimiter limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(connect()), prefix);
        for (int i = 0; i < 6; i++) {
            limiter.tryAcquire("tenant:t1:queries", FIVE_PER_MINUTE).block();
        }

        Decision other =
                limiter.tryAcquire("tenant:t2:queries", FIVE_PER_MINUTE).block();

        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(4);
    }

    private LettuceConnectionFactory connect() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", 6379);
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        return factory;
    }
}
