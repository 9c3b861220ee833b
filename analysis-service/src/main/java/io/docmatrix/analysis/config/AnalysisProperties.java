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
 * Settings of the analysis agents.
 *
 * @param defaultPlaybook the playbook applied when an analysis names none (the tenant's own version of it if the
 *     tenant changed it, else the shipped one)
 * @param minConfidence clause labels below this confidence are reported as uncertain, not as found
 * @param minSimilarity two clauses of one category are the same clause in a comparison when their chunks' cosine
 *     similarity reaches this
 * @param summarySentences sentences in the extractive summary of a non-contract document
 * @param keyTerms key terms listed for a non-contract document
 */
@Validated
@ConfigurationProperties("analysis")
public record AnalysisProperties(
        @DefaultValue("default-contract") @NotBlank String defaultPlaybook,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
        @DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0") double minSimilarity,
        @DefaultValue("3") @Min(1) @Max(20) int summarySentences,
        @DefaultValue("10") @Min(1) @Max(50) int keyTerms) {}
