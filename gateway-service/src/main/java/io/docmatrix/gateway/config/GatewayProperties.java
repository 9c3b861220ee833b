package io.docmatrix.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway.
 *
 * @param services where the gateway routes each service's API
 * @param maxUploadSize uploads larger than this are refused with 413 before anything is stored
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull @Valid Services services, @DefaultValue("50MB") @NotNull DataSize maxUploadSize) {

    public record Services(@NotNull URI auth, @NotNull URI ingestion, @NotNull URI analysis, @NotNull URI query) {}
}
