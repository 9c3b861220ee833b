package io.docmatrix.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the gateway's integration tests: the real gateway on a random port in front of {@link FakeBackend}, with the
 * same annotations as {@link GatewayServiceApplicationIT} so all of them run in one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class GatewayIntegrationTest implements GatewayBackends {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        return send(method, path, headers, HttpRequest.BodyPublishers.noBody());
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /**
     * A request on a connection of its own, for requests the gateway refuses while the body is still being sent: such
     * a connection is closed by the gateway, and must not be handed to the next test from the shared pool.
     */
    HttpResponse<String> sendOnOwnConnection(
            String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** What the fake backend received, from its echo. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> echo(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> forwardedHeaders(HttpResponse<String> response) {
        return (Map<String, String>) echo(response).get("headers");
    }

    static String problemCode(HttpResponse<String> response) {
        return (String) JSON.readValue(response.body(), Map.class).get("code");
    }
}
