package io.docmatrix.gateway.admin.web;

import io.docmatrix.gateway.admin.ServiceFeatures;
import io.docmatrix.runtime.config.FlagsEndpoint;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every service for its flags ({@code GET <service>/actuator/flags}) at once, each call bounded by a
 * Resilience4j time limiter, and adds the gateway's own. A service that is down, slow or answers garbage is listed as
 * UNAVAILABLE with the reason; the listing itself never fails because of one service.
 */
class FeatureCollector {

    private static final Logger log = LoggerFactory.getLogger(FeatureCollector.class);

    private final WebClient client;
    private final Map<String, URI> services;
    private final FlagsEndpoint own;
    private final TimeLimiter timeLimiter;

    /**
     * @param services service name to its base URL, in the order they are listed
     * @param own the gateway's own flags
     * @param timeout how long one service may take to answer
     */
    FeatureCollector(WebClient client, Map<String, URI> services, FlagsEndpoint own, Duration timeout) {
        this.client = client;
        this.services = new LinkedHashMap<>(services);
        this.own = own;
        this.timeLimiter = TimeLimiter.of(
                "admin-features",
                TimeLimiterConfig.custom()
                        .timeoutDuration(timeout)
                        .cancelRunningFuture(true)
                        .build());
    }

    Mono<List<ServiceFeatures>> collect() {
        FlagsEndpoint.Features gateway = own.features();
        Mono<ServiceFeatures> self = Mono.just(ServiceFeatures.up(gateway.service(), gateway.flags()));
        Flux<ServiceFeatures> others = Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> ask(service.getKey(), service.getValue()));
        return Flux.concat(self, others).collectList();
    }

    private Mono<ServiceFeatures> ask(String name, URI base) {
        return client.get()
                .uri(UriComponentsBuilder.fromUri(base)
                        .path("/actuator/flags")
                        .build()
                        .toUri())
                .retrieve()
                .bodyToMono(Reported.class)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .map(reported -> ServiceFeatures.up(name, reported.flags() == null ? Map.of() : reported.flags()))
                .onErrorResume(e -> {
                    String detail = reason(e);
                    log.warn("Feature flags of {} unavailable: {}", name, detail);
                    return Mono.just(ServiceFeatures.unavailable(name, detail));
                });
    }

    private static String reason(Throwable e) {
        if (e instanceof TimeoutException) {
            return "no answer in time";
        }
        if (e instanceof WebClientResponseException response) {
            return "answered " + response.getStatusCode().value();
        }
        return "unreachable";
    }

    /** What {@code /actuator/flags} answers; unknown fields ignored. */
    record Reported(@Nullable String service, @Nullable Map<String, Boolean> flags) {}
}
