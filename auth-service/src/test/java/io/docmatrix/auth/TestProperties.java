package io.docmatrix.auth;

import io.docmatrix.auth.config.AuthProperties;
import java.time.Duration;

/** The service's default settings, for unit tests that construct components without Spring. */
public final class TestProperties {

    private TestProperties() {}

    public static AuthProperties defaults() {
        return new AuthProperties(
                "http://127.0.0.1:8080",
                "docmatrix-api",
                Duration.ofMinutes(15),
                Duration.ofDays(7),
                "unit-test-key-encryption-secret-0123456789",
                new AuthProperties.Signing(
                        2048,
                        Duration.ofDays(30),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(1)),
                new AuthProperties.Throttle(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(1)),
                new AuthProperties.Bootstrap("demo", "admin", null));
    }
}
