package io.docmatrix.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.report.Latency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StageTimesTest {

    @Test
    void stagesAreTheGapsBetweenTheDocumentsTimestamps() {
        Map<String, Histogram> stages = new LinkedHashMap<>();
        List.of("queue", "parse", "embed_publish", "total").forEach(s -> stages.put(s, Latency.histogram()));
        String view =
                """
                {"receivedAt":"2026-01-01T00:00:00Z","parsingStartedAt":"2026-01-01T00:00:00.500Z",
                 "embeddingStartedAt":"2026-01-01T00:00:02Z","readyAt":"2026-01-01T00:00:12Z","failedAt":null}""";

        IngestionBenchmark.stageTimes(JsonMapper.builder().build().readTree(view), stages);

        assertThat(Latency.of(stages.get("queue")).p50Ms()).isCloseTo(500, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Latency.of(stages.get("parse")).p50Ms()).isCloseTo(1500, org.assertj.core.data.Offset.offset(2.0));
        assertThat(Latency.of(stages.get("embed_publish")).p50Ms())
                .isCloseTo(10_000, org.assertj.core.data.Offset.offset(10.0));
        assertThat(Latency.of(stages.get("total")).p50Ms())
                .isCloseTo(12_000, org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void aMissingTimestampLeavesItsStagesOut() {
        Map<String, Histogram> stages = new LinkedHashMap<>();
        List.of("queue", "parse", "embed_publish", "total").forEach(s -> stages.put(s, Latency.histogram()));

        IngestionBenchmark.stageTimes(
                JsonMapper.builder().build().readTree("{\"receivedAt\":\"2026-01-01T00:00:00Z\",\"readyAt\":null}"),
                stages);

        assertThat(stages.values())
                .allSatisfy(h -> assertThat(h.getTotalCount()).isZero());
    }
}
