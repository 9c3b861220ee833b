package io.docmatrix.analysis.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the analysis workers run.
 *
 * @param enabled false runs no workers (an instance that only consumes and serves the API)
 * @param workers analyses run at once by this instance
 * @param lease how long an analysis stays with a worker that stopped renewing it (a live worker renews it every third
 *     of it), so a crashed worker's analysis is retried after about this long
 * @param maxAttempts attempts before an analysis that keeps failing or losing its worker is FAILED
 * @param retryDelay the wait before an analysis whose agents threw is tried again
 * @param idlePoll how often an idle worker looks for work
 * @param sweepInterval how often expired leases and overdue chunk sets are looked for
 * @param chunkTimeout how long after its first event a version may wait for missing chunks before its analysis is
 *     FAILED with CHUNKS_INCOMPLETE (chunks of a version are published together, so minutes mean they are lost)
 */
@Validated
@ConfigurationProperties("analysis.pipeline")
public record PipelineProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") @Min(1) @Max(16) int workers,
        @DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration lease,
        @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("5s") @NotNull Duration retryDelay,
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 10) Duration idlePoll,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration sweepInterval,
        @DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration chunkTimeout) {}
