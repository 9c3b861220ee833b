package io.docmatrix.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.corpus.ContractGenerator;
import io.docmatrix.bench.platform.FakePlatform;
import io.docmatrix.bench.platform.PlatformClient;
import io.docmatrix.bench.report.Results.Ingest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionBenchmarkTest {

    @Test
    void uploadsEveryDocumentTaggedPollsUntilItsOwnVersionIsReadyAndCountsTheirChunks() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            PlatformClient client = new PlatformClient(platform.url(), Duration.ofSeconds(10));
            client.login("bench", "admin", "secret");

            Ingest ingest = new IngestionBenchmark(client, 2, Duration.ofSeconds(30), Duration.ofMillis(50), "run-7")
                    .run(
                            List.of("3 generated"),
                            new ContractGenerator(1, 200).contracts(3),
                            null,
                            name -> name.startsWith("bench-contract-") ? "generated" : "other");

            assertThat(ingest.documents()).isEqualTo(3);
            assertThat(ingest.ready()).isEqualTo(3);
            assertThat(ingest.chunks()).isEqualTo(15);
            assertThat(ingest.upload().count()).isEqualTo(3);
            assertThat(ingest.stages().get("parse").p50Ms()).isCloseTo(1000, org.assertj.core.data.Offset.offset(2.0));
            assertThat(ingest.stages().get("embed_publish").p50Ms())
                    .isCloseTo(2000, org.assertj.core.data.Offset.offset(3.0));
            // Per corpus: parse start to READY is the two stages together.
            assertThat(ingest.byCorpus()).singleElement().satisfies(c -> {
                assertThat(c.corpus()).isEqualTo("generated");
                assertThat(c.ready()).isEqualTo(3);
                assertThat(c.processing().p50Ms()).isCloseTo(3000, org.assertj.core.data.Offset.offset(4.0));
            });
            assertThat(ingest.timeline()).last().satisfies(p -> assertThat(p.chunks())
                    .isEqualTo(15));
            assertThat(platform.uploadedBodies).hasSize(3).allSatisfy(body -> assertThat(body)
                    .contains("filename=\"bench-contract-1-", "Benchmark run run-7."));
        }
    }
}
