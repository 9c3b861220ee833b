package io.docmatrix.gateway;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.testing.ServiceRuntimeContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class GatewayServiceApplicationIT extends ServiceRuntimeContract implements GatewayBackends {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected List<String> ownedTopics() {
        return List.of(Topics.DOCUMENTS_UPLOADS);
    }

    /**
     * As an authenticated viewer: the gateway answers unknown paths under /api only to callers with a valid token
     * (anonymous callers get 401, see AuthenticationIT), so the contract's 404 check needs one.
     */
    @Override
    protected HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + Tokens.accessToken(Tokens.Caller.of("acme", "VIEWER")))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
