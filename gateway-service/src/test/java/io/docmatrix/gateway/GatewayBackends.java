package io.docmatrix.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fake backend every gateway integration test shares, started once per JVM. Implemented by every IT class so they
 * all declare the same dynamic properties and therefore share one Spring context.
 */
interface GatewayBackends {

    FakeBackend BACKEND = started();

    private static FakeBackend started() {
        FakeBackend backend = new FakeBackend();
        backend.publish(Tokens.publishedKeys());
        return backend;
    }

    @DynamicPropertySource
    static void routeToTheFakeBackend(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.auth", BACKEND::url);
        registry.add("gateway.services.ingestion", BACKEND::url);
        registry.add("gateway.services.analysis", BACKEND::url);
        registry.add("gateway.services.query", BACKEND::url);
    }
}
