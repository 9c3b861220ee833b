package io.docmatrix.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
 * @param keyEncryptionSecret encrypts the signing keys' private halves at rest (from {@code DOCMATRIX_AUTH_KEY_SECRET})
 * @param signing signing key size and rotation schedule
 * @param throttle login throttling limits
 * @param bootstrap the tenant and platform administrator created on first start
 */
@Validated
@ConfigurationProperties("auth")
public record AuthProperties(
        @DefaultValue("http://127.0.0.1:8080") @NotBlank String issuer,
        @DefaultValue("docmatrix-api") @NotBlank String audience,
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("7d") @NotNull Duration refreshTokenTtl,
        @NotNull(message = "set DOCMATRIX_AUTH_KEY_SECRET (at least 32 characters) for auth.key-encryption-secret")
                @Size(min = 32, message = "auth.key-encryption-secret must have at least 32 characters")
                String keyEncryptionSecret,
        @DefaultValue @Valid Signing signing,
        @DefaultValue @Valid Throttle throttle,
        @DefaultValue @Valid Bootstrap bootstrap) {

    /**
     * @param keySize RSA modulus length in bits
     * @param rotationAge a signing key older than this is replaced automatically
     * @param publishAhead how long a new key sits in the JWKS before it signs; longer than the JWKS cache max-age, so
     *     every gateway has fetched it before the first token it signed arrives
     * @param clockSkew extra time a retired key stays published beyond the access token lifetime, for clock drift
     * @param checkInterval how often the automatic rotation looks at the key ring
     */
    public record Signing(
            @DefaultValue("2048") @Min(2048) @Max(4096) int keySize,
            @DefaultValue("30d") @NotNull Duration rotationAge,
            @DefaultValue("10m") @NotNull Duration publishAhead,
            @DefaultValue("60s") @NotNull Duration clockSkew,
            @DefaultValue("1m") @NotNull Duration checkInterval) {}

    /**
     * Failed logins allowed before further attempts are refused with 429, per account (tenant and username) and per
     * client address, each over a sliding window.
     */
    public record Throttle(
            @DefaultValue("5") @Min(1) int accountFailures,
            @DefaultValue("15m") @NotNull Duration accountWindow,
            @DefaultValue("20") @Min(1) int addressFailures,
            @DefaultValue("1m") @NotNull Duration addressWindow) {}

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
