package io.docmatrix.analysis.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analysis agents.
 *
 * @param defaultPlaybook the playbook applied when a tenant has none of its own
 * @param minConfidence clause labels below this confidence are reported as uncertain, not as found
 */
@Validated
@ConfigurationProperties("analysis")
public record AnalysisProperties(
        @DefaultValue("default-contract") @NotBlank String defaultPlaybook,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence) {}
