package io.docmatrix.auth.session;

import io.docmatrix.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sliding-window limits on failed logins: per account (tenant + username, existing or not, so the limit reveals
 * nothing) against password guessing, and per client address against credential stuffing across accounts. Once a
 * limit is reached, attempts are refused without checking the password until the oldest failure that counts leaves the
 * window; refused attempts do not count, so the lock ends on its own. Counters live in the database so every instance
 * sees the same ones.
 */
@Component
public class LoginThrottle {

    private final LoginAttempts attempts;
    private final AuthProperties.Throttle limits;
    private final Clock clock;

    public LoginThrottle(LoginAttempts attempts, AuthProperties properties, Clock clock) {
        this.attempts = attempts;
        this.limits = properties.throttle();
        this.clock = clock;
    }

    /** How long the caller must wait, or empty when it may try now. */
    public Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAccount = wait(
                attempts.failuresOfAccount(account, now.minus(limits.accountWindow()), limits.accountFailures()),
                limits.accountFailures(),
                limits.accountWindow(),
                now);
        Optional<Duration> byAddress = wait(
                attempts.failuresOfAddress(address, now.minus(limits.addressWindow()), limits.addressFailures()),
                limits.addressFailures(),
                limits.addressWindow(),
                now);
        if (byAccount.isPresent() && byAddress.isPresent()) {
            return Optional.of(byAccount.get().compareTo(byAddress.get()) >= 0 ? byAccount.get() : byAddress.get());
        }
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    public void recordFailure(String account, String address) {
        attempts.recordFailure(account, address, clock.instant());
    }

    /** A successful login clears the account's failures, so a user who mistyped a few times starts afresh. */
    public void recordSuccess(String account) {
        attempts.forgetAccount(account);
    }

    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    public void forgetOldFailures() {
        Duration longest = limits.accountWindow().compareTo(limits.addressWindow()) >= 0
                ? limits.accountWindow()
                : limits.addressWindow();
        attempts.deleteOlderThan(clock.instant().minus(longest));
    }

    /**
     * With failures newest first, the limit is reached when there are {@code limit} of them; the caller may try again
     * when the oldest of those leaves the window.
     */
    static Optional<Duration> wait(List<Instant> newestFirst, int limit, Duration window, Instant now) {
        if (newestFirst.size() < limit) {
            return Optional.empty();
        }
        Instant freedAt = newestFirst.get(limit - 1).plus(window);
        return freedAt.isAfter(now) ? Optional.of(Duration.between(now, freedAt)) : Optional.empty();
    }
}
