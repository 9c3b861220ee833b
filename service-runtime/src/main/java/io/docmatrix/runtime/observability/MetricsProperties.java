package io.docmatrix.runtime.observability;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Metric settings every service shares.
 *
 * @param maxTenantTags tenants with their own {@code tenant} tag value per meter; later tenants are tagged
 *     {@code other} ({@link TenantTags})
 */
@Validated
@ConfigurationProperties("docmatrix.metrics")
public record MetricsProperties(@DefaultValue("200") @Min(1) int maxTenantTags) {}
