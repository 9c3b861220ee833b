package io.docmatrix.eval.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlakyLlmServerTest {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void failsHalfOfTheCallsByHangingResettingOrAnsweringFiveHundred() throws Exception {
        try (FlakyLlmServer server = new FlakyLlmServer(Duration.ofSeconds(3))) {
            URI uri = URI.create(server.baseUrl() + "/chat/completions");

            HttpResponse<String> answer = call(uri);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"choices\"").contains("\"assistant\"");
            assertThatThrownBy(() -> call(uri)).isInstanceOf(HttpTimeoutException.class);
            assertThat(call(uri).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> call(uri)).isInstanceOf(IOException.class);
            assertThat(call(uri).statusCode()).isEqualTo(200);
            assertThat(call(uri).statusCode()).isEqualTo(500);

            assertThat(server.counts()).containsEntry("total", 6L).containsEntry("hang", 1L);
        }
    }

    private HttpResponse<String> call(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(1))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
