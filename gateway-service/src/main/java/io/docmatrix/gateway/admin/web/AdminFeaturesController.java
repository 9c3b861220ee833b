package io.docmatrix.gateway.admin.web;

import io.docmatrix.gateway.admin.ServiceFeatures;
import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.runtime.config.FlagsEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/admin/features} (ADMIN, see AccessMatrix): the feature flags in force in every service, as each
 * reports them now, so an operator sees at once what a refresh changed and which service did not take it.
 */
@RestController
class AdminFeaturesController {

    private final FeatureCollector collector;

    AdminFeaturesController(
            ObjectProvider<WebClient.Builder> webClients, GatewayProperties properties, FlagsEndpoint own) {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("auth-service", properties.services().auth());
        services.put("ingestion-service", properties.services().ingestion());
        services.put("analysis-service", properties.services().analysis());
        services.put("query-service", properties.services().query());
        this.collector = new FeatureCollector(
                webClients.getIfAvailable(WebClient::builder).build(),
                services,
                own,
                properties.admin().featuresTimeout());
    }

    /** @param services the gateway first, then every service behind it */
    record Features(List<ServiceFeatures> services) {}

    @Operation(summary = "Feature flags in force in every service (ADMIN)")
    @GetMapping(path = "/api/v1/admin/features", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Features> features() {
        return collector.collect().map(Features::new);
    }
}
