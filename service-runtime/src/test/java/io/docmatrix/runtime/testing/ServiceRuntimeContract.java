package io.docmatrix.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every DocMatrix service promises as a running process, checked against the real service started by the
 * subclass's {@code @SpringBootTest} on the real database and an embedded Kafka broker: readiness over its
 * dependencies, Prometheus metrics, problem+json for unknown paths, and the topics it owns created at startup.
 */
public abstract class ServiceRuntimeContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Value("${spring.application.name}")
    protected String applicationName;

    /** The topics this service writes and therefore creates. */
    protected abstract List<String> ownedTopics();

    @Test
    void reportsReadyOnceTheDatabaseAndKafkaAreReachable() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");

            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
        });
    }

    @Test
    void reportsLiveOnTheLivenessProbe() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheServiceName() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName + "\"");
    }

    @Test
    void answersAnUnknownPathWithProblemJsonAndAStableCode() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-resource");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("Exception");
    }

    @Test
    void createsTheTopicsItWritesAtStartup() {
        try (AdminClient admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<String> topics = admin.listTopics().names().get();

                assertThat(topics).containsAll(ownedTopics());
            });
        }
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
