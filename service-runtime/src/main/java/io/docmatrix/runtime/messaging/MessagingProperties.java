package io.docmatrix.runtime.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code @KafkaListener} containers retry a failing record before dead-lettering it. Retries happen in place
 * (blocking the partition), which keeps per-key order; they are meant for short outages such as a database failover,
 * not for waiting out a missing dependency for minutes.
 */
@Validated
@ConfigurationProperties("docmatrix.messaging")
public record MessagingProperties(@Valid @DefaultValue Retry retry) {

    /**
     * @param attempts retries after the first failure; 0 dead-letters on the first failure
     * @param initialInterval the wait before the first retry
     * @param multiplier growth of the wait per retry
     * @param maxInterval the cap of the wait
     */
    public record Retry(
            @DefaultValue("3") @Min(0) @Max(20) int attempts,
            @DefaultValue("1s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("10s") @NotNull Duration maxInterval) {}
}
