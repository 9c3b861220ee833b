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
 * @param workers documents processed at once by this instance; 4 on two cores, twice the embedding threads, so the
 *     shared embedding pool always has a document's chunks while other workers parse and store (the benchmark: 58 ->
 *     85 chunks/s end to end, docs/benchmarks/profile.md)
 * @param lease how long a document stays with a worker that stopped renewing it (a live worker renews it every
 *     third of it), so a crashed worker's document is retried after about this long
 * @param maxAttempts attempts before a document whose workers keep vanishing fails with PROCESSING_ABANDONED
 * @param idlePoll how often an idle worker looks for work
 * @param sweepInterval how often expired leases are returned to the queue
 */
@Validated
@ConfigurationProperties("ingestion.pipeline")
public record PipelineProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") @Min(1) @Max(64) int workers,
        @DefaultValue("60s") @NotNull Duration lease,
        @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("500ms") @NotNull Duration idlePoll,
        @DefaultValue("10s") @NotNull Duration sweepInterval) {}
