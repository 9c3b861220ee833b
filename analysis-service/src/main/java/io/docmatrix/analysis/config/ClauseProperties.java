package io.docmatrix.analysis.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the clause agent.
 *
 * @param model the in-process embedding model; must be the one ingestion embeds chunks with, or similarities between
 *     chunks and exemplars mean nothing
 * @param threads ONNX workers, one runtime thread each (more than the cores oversubscribes them, see stack.md)
 * @param maxBatch exemplars per learning request: embedding them blocks the request, about 30 per second per core
 * @param maxSentences sentence embeddings per document, the bound on the agent's cost for a long contract
 * @param candidateChunks chunks per category whose sentences are embedded
 * @param maxMatchesPerCategory labelled spans reported per category
 * @param cueBonus score added when a category's textual cue occurs in a sentence
 * @param chunkWeight share of the enclosing chunk's similarity in a sentence's score
 */
@Validated
@ConfigurationProperties("analysis.clauses")
public record ClauseProperties(
        @DefaultValue("bge-small-en-v1.5-q") @NotBlank String model,
        @DefaultValue("2") @Min(1) @Max(64) int threads,
        @DefaultValue("256") @Min(1) @Max(2000) int maxBatch,
        @DefaultValue("120") @Min(0) @Max(5000) int maxSentences,
        @DefaultValue("2") @Min(1) @Max(20) int candidateChunks,
        @DefaultValue("3") @Min(1) @Max(20) int maxMatchesPerCategory,
        @DefaultValue("0.04") @DecimalMin("0.0") @DecimalMax("0.5") double cueBonus,
        @DefaultValue("0.3") @DecimalMin("0.0") @DecimalMax("1.0") double chunkWeight) {}
