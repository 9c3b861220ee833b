package io.docmatrix.query.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model questions are embedded with: it must be the one ingestion embeds chunks with, because only vectors of
 * the same model are comparable (search compares only chunk vectors recorded with this model's id).
 *
 * @param model an in-process model id: {@code bge-small-en-v1.5-q} (default, as ingestion) or {@code
 *     all-minilm-l6-v2-q}
 * @param threads in-process workers, one ONNX Runtime thread each (stack.md: more oversubscribes the cores)
 * @param questionInstruction text put before every question; null picks bge's retrieval instruction for bge models
 *     and none for others
 */
@Validated
@ConfigurationProperties("query.embedding")
public record EmbeddingProperties(
        @DefaultValue("bge-small-en-v1.5-q") @NotBlank String model,
        @DefaultValue("2") @Min(1) @Max(64) int threads,
        @Nullable String questionInstruction) {}
