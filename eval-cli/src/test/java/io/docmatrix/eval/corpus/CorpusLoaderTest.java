package io.docmatrix.eval.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.eval.platform.Credentials;
import io.docmatrix.eval.platform.FakeGateway;
import io.docmatrix.eval.platform.GatewaySettings;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.platform.PlatformException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorpusLoaderTest {

    private FakeGateway gateway;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        gateway = new FakeGateway();
        client = new PlatformClient(
                new GatewaySettings(gateway.url(), Duration.ofSeconds(5), 2),
                new Credentials("eval", "admin", FakeGateway.PASSWORD));
        client.login();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aRefusedUploadIsRecordedAndTheOthersGoOn() {
        gateway.queue(415, -1);
        CorpusLoader loader = new CorpusLoader(client, 1);

        Map<SourceDocument, PlatformClient.Upload> uploads = loader.upload(List.of(document("one"), document("two")));

        assertThat(uploads.keySet()).extracting(SourceDocument::key).containsExactly("two");
        assertThat(loader.refusedUploads()).containsExactly("one");
        List<LoadedDocument> loaded = loader.awaitReady(uploads, Duration.ofSeconds(10));
        assertThat(CorpusLoader.LoadSummary.of(loaded, List.of(), loader.refusedUploads()))
                .satisfies(summary -> {
                    assertThat(summary.documents()).isEqualTo(2);
                    assertThat(summary.ready()).isEqualTo(1);
                });
    }

    @Test
    void everyUploadRefusedIsAnError() {
        gateway.queue(403, -1);
        CorpusLoader loader = new CorpusLoader(client, 1);

        assertThatThrownBy(() -> loader.upload(List.of(document("one")))).isInstanceOf(PlatformException.class);
    }

    @Test
    void readyDocumentsBecomeSearchable() {
        CorpusLoader loader = new CorpusLoader(client, 2);
        List<LoadedDocument> loaded =
                loader.awaitReady(loader.upload(List.of(document("one"), document("two"))), Duration.ofSeconds(10));

        assertThat(loader.awaitSearchable(loaded, Duration.ofSeconds(10))).isEmpty();
        assertThat(loaded).allMatch(LoadedDocument::ready).allMatch(d -> d.offsets()
                .identity());
    }

    private static SourceDocument document(String key) {
        return new SourceDocument(
                key, "Title " + key, key + ".txt", "Document " + key + " has some searchable words in it.", "fixture");
    }
}
