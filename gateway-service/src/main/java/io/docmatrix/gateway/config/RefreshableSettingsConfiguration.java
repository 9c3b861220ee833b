package io.docmatrix.gateway.config;

import io.docmatrix.runtime.config.RefreshableProperties;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The gateway's settings that follow {@code /actuator/refresh} without a restart: the rate-limit budgets (per
 * tenant, per route class, the tenant multiplier). Where buckets live ({@code store}, {@code redis-key-prefix}) is
 * chosen at startup and stays.
 */
@Configuration(proxyBeanMethods = false)
class RefreshableSettingsConfiguration {

    @Bean
    RefreshableProperties<GatewayProperties.RateLimits> rateLimits(
            ConfigurableEnvironment environment, Validator validator) {
        return new RefreshableProperties<>(
                "gateway.rate-limits", GatewayProperties.RateLimits.class, environment, validator);
    }
}
