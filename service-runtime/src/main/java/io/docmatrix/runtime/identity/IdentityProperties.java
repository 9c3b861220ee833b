package io.docmatrix.runtime.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The secret shared by the gateway and the services to sign identity headers (from {@code DOCMATRIX_INTERNAL_SECRET};
 * never committed), and how long a signature stays valid.
 */
@Validated
@ConfigurationProperties("docmatrix.identity")
public record IdentityProperties(
        @NotNull(message = "set DOCMATRIX_INTERNAL_SECRET (at least 32 characters) for docmatrix.identity.secret")
                @Size(min = 32, message = "docmatrix.identity.secret must have at least 32 characters")
                String secret,
        @DefaultValue("60s") @NotNull Duration maxAge) {

    public IdentityHeaders headers() {
        return new IdentityHeaders(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), maxAge);
    }
}
