package io.docmatrix.gateway.access.web;

import io.docmatrix.gateway.access.ApiKeyVerification;
import io.docmatrix.gateway.access.AuthUnavailableException;
import io.docmatrix.gateway.access.VerifiedApiKey;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Auth's internal API key check ({@code POST /internal/v1/api-keys/verify}). 401 or another 4xx is a rejection; a
 * 5xx, a timeout or an open circuit means auth cannot answer, which the caller sees as 503. Only outages count against
 * the circuit breaker, so a client spraying bad keys cannot open it for everybody.
 */
final class AuthServiceClient implements ApiKeyVerification {

    private final WebClient http;
    private final Duration timeout;
    private final CircuitBreaker breaker;

    AuthServiceClient(WebClient.Builder builder, URI auth, Duration timeout, CircuitBreaker breaker) {
        this.http = builder.clone().baseUrl(auth.toString()).build();
        this.timeout = timeout;
        this.breaker = breaker;
    }

    @Override
    public Mono<Optional<VerifiedApiKey>> verify(String key) {
        return http.post()
                .uri("/internal/v1/api-keys/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("key", key))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(VerifyResponse.class).map(body -> Optional.of(body.toVerifiedKey()));
                    }
                    if (response.statusCode().is4xxClientError()) {
                        return response.releaseBody().thenReturn(Optional.<VerifiedApiKey>empty());
                    }
                    return response.releaseBody()
                            .then(Mono.error(new IllegalStateException(
                                    "auth answered " + response.statusCode().value())));
                })
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(e -> new AuthUnavailableException("auth could not verify an API key", e));
    }

    record VerifyResponse(String keyId, UUID tenantId, String tenant, String role, String prefix, String name) {

        VerifiedApiKey toVerifiedKey() {
            return new VerifiedApiKey(keyId, tenantId, tenant, role, prefix, name);
        }
    }
}
