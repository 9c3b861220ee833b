package io.docmatrix.gateway.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.docmatrix.gateway.admin.ServiceFeatures;
import io.docmatrix.gateway.admin.ServiceFeatures.Status;
import io.docmatrix.runtime.config.FlagsEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Gathers flags over real HTTP: a service that answers, one whose port is closed, one that never answers and one
 * that fails; the listing comes back within the timeout with each of the last three UNAVAILABLE, never an error.
 */
class FeatureCollectorTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server = started();

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void listsEveryServiceAndMarksThoseThatDoNotAnswerAsUnavailable() throws IOException {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("query-service", base());
        services.put("ingestion-service", URI.create("http://127.0.0.1:" + closedPort()));
        services.put("analysis-service", base().resolve("/hang/"));
        services.put("auth-service", base().resolve("/broken/"));
        WebClient client = WebClient.create();
        // the first call of a client loads its HTTP stack, which on a busy machine takes longer than the limit
        new FeatureCollector(
                        client,
                        Map.of("query-service", base(), "auth-service", base().resolve("/broken/")),
                        new FlagsEndpoint("gateway-service", List.of()),
                        Duration.ofSeconds(30))
                .collect()
                .block();
        FeatureCollector collector = new FeatureCollector(
                client, services, new FlagsEndpoint("gateway-service", List.of()), Duration.ofSeconds(2));
        long started = System.nanoTime();

        List<ServiceFeatures> listed = collector.collect().block(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(listed)
                .containsExactly(
                        ServiceFeatures.up("gateway-service", Map.of()),
                        ServiceFeatures.up("query-service", Map.of("query.features.llm-answers", false)),
                        ServiceFeatures.unavailable("ingestion-service", "unreachable"),
                        ServiceFeatures.unavailable("analysis-service", "no answer in time"),
                        ServiceFeatures.unavailable("auth-service", "answered 500"));
        assertThat(listed).extracting(ServiceFeatures::status).element(3).isEqualTo(Status.UNAVAILABLE);
    }

    private HttpServer started() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newCachedThreadPool());
            http.createContext("/actuator/flags", exchange -> {
                byte[] body = "{\"service\":\"query-service\",\"flags\":{\"query.features.llm-answers\":false}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.createContext("/hang/", exchange -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            http.createContext("/broken/", exchange -> {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
