package io.docmatrix.gateway.ratelimit;

import io.docmatrix.gateway.config.GatewayProperties.Budget;
import java.time.Duration;

/**
 * One bucket's shape: {@code capacity} tokens at most, refilled at {@code requests} per {@code period}.
 *
 * @param name the route class, for the {@code RateLimit-Policy} header
 */
public record Limit(String name, long requests, Duration period, long capacity) {

    public static Limit of(String name, Budget budget) {
        return new Limit(name, budget.requests(), budget.period(), budget.burst());
    }

    public Limit times(int factor) {
        return new Limit(name, requests * factor, period, capacity * factor);
    }

    /** Tokens added per nanosecond. */
    public double tokensPerNano() {
        return (double) requests / period.toNanos();
    }

    /** How long an untouched bucket takes to refill completely; after that it equals a new one and can be dropped. */
    public Duration timeToFill() {
        return Duration.ofNanos((long) Math.ceil(capacity / tokensPerNano()));
    }
}
