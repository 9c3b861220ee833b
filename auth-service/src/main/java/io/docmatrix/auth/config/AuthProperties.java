package io.docmatrix.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of auth-service. Token lifetimes follow the platform's security model: short access tokens (checked
 * locally by the gateway, so they cannot be revoked) and longer, rotated refresh tokens.
 *
 * @param issuer the {@code iss} claim of every token this service signs
 * @param audience the {@code aud} claim the gateway checks
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token family member
 * @param bootstrap the tenant and platform administrator created on first start
 */
@Validated
@ConfigurationProperties("auth")
public record AuthProperties(
        @DefaultValue("http://127.0.0.1:8080") @NotBlank String issuer,
        @DefaultValue("docmatrix-api") @NotBlank String audience,
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("7d") @NotNull Duration refreshTokenTtl,
        @DefaultValue @Valid Bootstrap bootstrap) {

    /**
     * @param tenant slug of the bootstrap tenant
     * @param adminUsername its administrator, who also holds {@code PLATFORM_ADMIN}
     * @param adminPassword taken from {@code DOCMATRIX_ADMIN_PASSWORD}; without it no administrator is created
     */
    public record Bootstrap(
            @DefaultValue("demo") @NotBlank String tenant,
            @DefaultValue("admin") @NotBlank String adminUsername,
            @Nullable String adminPassword) {}
}
