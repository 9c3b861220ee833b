package io.docmatrix.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.MutableClock;
import io.docmatrix.auth.TestProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle =
            new LoginThrottle(new InMemoryLoginAttempts(), TestProperties.defaults(), clock);

    @Test
    void letsAnAccountTryUntilItsFifthFailure() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("acme/alice", "198.51.100." + i);
        }

        assertThat(throttle.retryAfter("acme/alice", "203.0.113.1")).isEmpty();

        throttle.recordFailure("acme/alice", "198.51.100.9");
        assertThat(throttle.retryAfter("acme/alice", "203.0.113.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    void unlocksTheAccountWhenTheOldestCountedFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("acme/alice", "198.51.100.1");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throttle.retryAfter("acme/alice", "203.0.113.1")).contains(Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter("acme/alice", "203.0.113.1")).isEmpty();
    }

    @Test
    void throttlesAnAddressAfterTwentyFailuresAcrossAccountsForAMinute() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("acme/user" + i, "198.51.100.1");
        }

        assertThat(throttle.retryAfter("acme/someone-else", "198.51.100.1")).contains(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("acme/someone-else", "198.51.100.2")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("acme/someone-else", "198.51.100.1")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("acme/alice", "198.51.100.1");
        }

        throttle.recordSuccess("acme/alice");
        throttle.recordFailure("acme/alice", "198.51.100.1");

        assertThat(throttle.retryAfter("acme/alice", "198.51.100.1")).isEmpty();
    }
}
