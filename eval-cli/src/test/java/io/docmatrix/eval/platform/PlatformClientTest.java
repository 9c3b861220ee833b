package io.docmatrix.eval.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PlatformClientTest {

    private FakeGateway gateway;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway();
        client = new PlatformClient(
                new GatewaySettings(gateway.url(), Duration.ofSeconds(5), 3),
                new Credentials("eval", "admin", FakeGateway.PASSWORD));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void uploadsAFileWithItsMetadataAndRecognisesADuplicate() {
        ObjectNode metadata =
                client.json().createObjectNode().put("title", "Ünïcode title").put("externalId", "doc-1");
        byte[] content = "Text with ümlauts and more words.".getBytes(StandardCharsets.UTF_8);

        PlatformClient.Upload first = client.upload("doc-1.txt", content, "text/plain; charset=utf-8", metadata);
        PlatformClient.Upload second = client.upload("doc-1.txt", content, "text/plain; charset=utf-8", metadata);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.documentId()).isEqualTo(first.documentId());
        assertThat(gateway.uploadedMetadata.get(0)).contains("Ünïcode title").contains("doc-1");
        assertThat(client.document(first.documentId()).path("status").asString())
                .isEqualTo("READY");
    }

    @Test
    void followsChunkCursorsToTheLastPage() {
        String text = "x".repeat(200); // five chunks of 40, pages of two
        String id = client.upload(
                        "x.txt",
                        text.getBytes(StandardCharsets.UTF_8),
                        "text/plain",
                        client.json().createObjectNode())
                .documentId();

        assertThat(client.chunks(id)).hasSize(5);
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        client.login();
        gateway.queue(429, 1);
        long started = System.nanoTime();

        ObjectNode body = client.json().createObjectNode().put("question", "anything");
        PlatformClient.Timed timed = client.search(body);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(timed.body().has("results")).isTrue();
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        client.login();
        gateway.queue(503, 0);
        gateway.queue(503, 0);
        gateway.queue(503, 0);

        assertThatThrownBy(() -> client.search(client.json().createObjectNode().put("question", "q")))
                .isInstanceOf(PlatformException.class)
                .satisfies(e -> assertThat(((PlatformException) e).status()).isEqualTo(503));
    }

    @Test
    void doesNotRepeatANonIdempotentCallAfterAnUnclearFailure() {
        client.login();
        gateway.queue(503, 0);

        assertThatThrownBy(() -> client.addExemplars(List.of(new PlatformClient.Exemplar("Insurance", "text"))))
                .isInstanceOf(PlatformException.class);
        assertThat(gateway.requests.stream().filter(r -> r.equals("POST /api/v1/clause-exemplars")))
                .hasSize(1);
    }

    @Test
    void logsInAgainWhenTheTokenExpiredMidRun() {
        client.login();
        gateway.validToken = "rotated";

        client.search(client.json().createObjectNode().put("question", "q"));

        assertThat(gateway.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsAPlatformExceptionWithTheStatus() {
        PlatformClient wrong = new PlatformClient(
                new GatewaySettings(gateway.url(), Duration.ofSeconds(5), 1), new Credentials("eval", "admin", "nope"));

        assertThatThrownBy(wrong::login)
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining("nope");
    }

    @Test
    void analysisIsEmptyWhileUnknown() {
        assertThat(client.analysis("00000000-0000-0000-0000-000000000000")).isEmpty();
    }
}
