package io.docmatrix.runtime.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often dependencies are checked and how long one check may take. The timeout stays well under the interval so a
 * hanging dependency cannot delay the next check.
 */
@Validated
@ConfigurationProperties("docmatrix.dependencies")
public record DependencyWatchProperties(
        @DefaultValue("5s") @NotNull Duration interval, @DefaultValue("2s") @NotNull Duration timeout) {}
