package io.docmatrix.ingestion.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the ingestion workers run.
 *
 * @param enabled false runs no workers (an instance that only serves the API)
 * @param workers documents processed at once by this instance
 * @param lease how long a worker may hold a document before another may retry it; longer than a parse plus its
 *     embedding can take
 * @param maxAttempts attempts before a document whose workers keep vanishing fails with PROCESSING_ABANDONED
 * @param idlePoll how often an idle worker looks for work
 * @param sweepInterval how often expired leases are returned to the queue
 */
@Validated
@ConfigurationProperties("ingestion.pipeline")
public record PipelineProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") @Min(1) @Max(64) int workers,
        @DefaultValue("15m") @NotNull Duration lease,
        @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("500ms") @NotNull Duration idlePoll,
        @DefaultValue("30s") @NotNull Duration sweepInterval) {}
