package io.docmatrix.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway.
 *
 * @param services where the gateway routes each service's API
 * @param maxUploadSize uploads ({@code POST /api/v1/documents}) larger than this are refused with 413 before anything
 *     is stored
 * @param maxBodySize every other request body larger than this is refused with 413; the API takes small JSON bodies
 * @param security how access tokens and API keys are checked
 * @param rateLimits request budgets per tenant, caller and client address
 * @param cors browser origins allowed to call the API; none by default
 * @param admin administration views composed from every service
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull @Valid Services services,
        @DefaultValue("50MB") @NotNull DataSize maxUploadSize,
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue @NotNull @Valid Security security,
        @DefaultValue @NotNull @Valid RateLimits rateLimits,
        @DefaultValue @NotNull @Valid Cors cors,
        @DefaultValue @NotNull @Valid Admin admin) {

    public record Services(@NotNull URI auth, @NotNull URI ingestion, @NotNull URI analysis, @NotNull URI query) {}

    /**
     * @param issuer the {@code iss} every access token must carry
     * @param audience the {@code aud} every access token must carry
     * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift between auth and the gateway
     * @param jwksMinRefetchInterval a token with an unknown {@code kid} triggers at most one JWKS fetch per interval,
     *     so garbage tokens cannot turn the gateway into a load generator against auth
     * @param jwksMaxAge known keys are refetched after this long, so a key auth withdrew stops working
     * @param apiKeyCacheTtl how long a verified API key is trusted without asking auth again (also how long a revoked
     *     key can still work)
     * @param apiKeyNegativeCacheTtl how long a rejected API key is rejected without asking auth again
     * @param apiKeyVerifyTimeout how long the gateway waits for auth to verify an API key before answering 503
     */
    public record Security(
            @DefaultValue("http://127.0.0.1:8080") @NotBlank String issuer,
            @DefaultValue("docmatrix-api") @NotBlank String audience,
            @DefaultValue("30s") @NotNull Duration clockSkew,
            @DefaultValue("30s") @NotNull Duration jwksMinRefetchInterval,
            @DefaultValue("5m") @NotNull Duration jwksMaxAge,
            @DefaultValue("30s") @NotNull Duration apiKeyCacheTtl,
            @DefaultValue("5s") @NotNull Duration apiKeyNegativeCacheTtl,
            @DefaultValue("2s") @NotNull Duration apiKeyVerifyTimeout) {}

    /**
     * @param store {@code memory} (one gateway replica) or {@code redis} (several replicas share one budget)
     * @param redisKeyPrefix prefix of every Redis key the limiter writes
     * @param tenantMultiplier a tenant's budget is this many times one caller's budget, so one user cannot use up
     *     the whole tenant and many users cannot exceed it
     * @param defaults budgets per caller (user or API key); {@code login} is per client address
     * @param tenants overrides per tenant slug, e.g. an evaluation tenant with higher query budgets
     */
    public record RateLimits(
            @DefaultValue("memory") @NotNull Store store,
            @DefaultValue("docmatrix:gateway:rl:") @NotBlank String redisKeyPrefix,
            @DefaultValue("10") @Positive int tenantMultiplier,
            @DefaultValue @NotNull @Valid Budgets defaults,
            @DefaultValue @NotNull Map<String, @Valid TenantBudgets> tenants) {

        public enum Store {
            MEMORY,
            REDIS
        }
    }

    /** Budgets per route class; an unset one keeps its default (uploads 10/min, queries 100/min, login 10/min, other 600/min). */
    public record Budgets(
            @Nullable @Valid Budget uploads,
            @Nullable @Valid Budget queries,
            @Nullable @Valid Budget login,
            @Nullable @Valid Budget other) {

        public Budgets {
            uploads = uploads != null ? uploads : Budget.perMinute(10);
            queries = queries != null ? queries : Budget.perMinute(100);
            login = login != null ? login : Budget.perMinute(10);
            other = other != null ? other : Budget.perMinute(600);
        }
    }

    /** Per-tenant overrides; an absent budget falls back to the defaults. */
    public record TenantBudgets(
            @Nullable @Valid Budget uploads, @Nullable @Valid Budget queries, @Nullable @Valid Budget other) {}

    /**
     * A token bucket: {@code requests} per {@code period} on average, at most {@code burst} at once ({@code burst}
     * defaults to {@code requests}).
     */
    public record Budget(@Positive long requests, @DefaultValue("1m") Duration period, long burst) {

        public Budget {
            period = period != null ? period : Duration.ofMinutes(1);
            burst = burst > 0 ? burst : requests;
        }

        public static Budget perMinute(long requests) {
            return new Budget(requests, Duration.ofMinutes(1), requests);
        }
    }

    /**
     * @param featuresTimeout how long {@code GET /api/v1/admin/features} waits for one service's flags before listing it
     *     as unavailable
     */
    public record Admin(@DefaultValue("2s") @NotNull Duration featuresTimeout) {}

    /** @param allowedOrigins exact origins (scheme, host, port) whose browsers may call the API */
    public record Cors(@DefaultValue @NotNull List<String> allowedOrigins) {}
}
