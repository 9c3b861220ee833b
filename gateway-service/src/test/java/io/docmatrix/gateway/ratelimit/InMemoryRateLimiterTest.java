package io.docmatrix.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    private static final Limit FIVE_PER_MINUTE = new Limit("queries", 5, Duration.ofMinutes(1), 5);

    private final AtomicLong nanos = new AtomicLong();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(nanos::get);

    @Test
    void grantsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("a", FIVE_PER_MINUTE).block().allowed())
                    .isTrue();
        }

        Decision refused = limiter.tryAcquire("a", FIVE_PER_MINUTE).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(12);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("a", FIVE_PER_MINUTE).block();
        }

        nanos.addAndGet(Duration.ofSeconds(12).toNanos());

        assertThat(limiter.tryAcquire("a", FIVE_PER_MINUTE).block().allowed()).isTrue();
        assertThat(limiter.tryAcquire("a", FIVE_PER_MINUTE).block().allowed()).isFalse();
    }

    @Test
    void keepsSeparateBucketsPerKey() {
        for (int i = 0; i < 6; i++) {
            limiter.tryAcquire("tenant-a", FIVE_PER_MINUTE).block();
        }

        Decision otherTenant = limiter.tryAcquire("tenant-b", FIVE_PER_MINUTE).block();

        assertThat(otherTenant.allowed()).isTrue();
        assertThat(otherTenant.remaining()).isEqualTo(4);
    }
}
