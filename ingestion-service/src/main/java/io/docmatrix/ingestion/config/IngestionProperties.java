package io.docmatrix.ingestion.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingestion workers.
 *
 * @param maxFileSize the largest blob a worker will fetch and parse
 * @param parseTimeout a parse taking longer is killed and the document fails with {@code PARSE_TIMEOUT}
 * @param stuckAfter a document in a non-final state for longer is retried or failed
 * @param chunking chunk size and overlap, in tokens of the embedding model
 */
@Validated
@ConfigurationProperties("ingestion")
public record IngestionProperties(
        @DefaultValue("50MB") @NotNull DataSize maxFileSize,
        @DefaultValue("60s") @NotNull Duration parseTimeout,
        @DefaultValue("10m") @NotNull Duration stuckAfter,
        @DefaultValue @Valid Chunking chunking) {

    public record Chunking(
            @DefaultValue("120") @Min(16) int targetTokens, @DefaultValue("20") @Min(0) int overlapTokens) {}
}
