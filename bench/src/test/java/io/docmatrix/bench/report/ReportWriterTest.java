package io.docmatrix.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.report.Results.QueryLoad;
import io.docmatrix.bench.report.Results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {

    @TempDir
    Path folder;

    @Test
    void percentilesComeFromTheRecordedMicroseconds() {
        Histogram h = Latency.histogram();
        for (int ms = 1; ms <= 100; ms++) {
            Latency.record(h, ms * 1_000_000L);
        }

        Latency latency = Latency.of(h);

        assertThat(latency.count()).isEqualTo(100);
        assertThat(latency.p50Ms()).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
        assertThat(latency.p95Ms()).isCloseTo(95, org.assertj.core.data.Offset.offset(0.1));
        assertThat(latency.p99Ms()).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
        assertThat(latency.maxMs()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void writesTheHeadlineFiguresTheReportAndItsCharts() throws Exception {
        Run run = run();

        ReportWriter.write(run, folder);

        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(folder.resolve(ReportWriter.JSON).toFile());
        assertThat(json.path("ingest_chunks_per_s").asDouble()).isEqualTo(30.0);
        assertThat(json.path("embed_ceiling_chunks_per_s").asDouble()).isEqualTo(40.0);
        assertThat(json.path("ingest_efficiency").asDouble()).isEqualTo(0.75);
        assertThat(json.path("peer_chunks_per_s").asDouble()).isEqualTo(36.0);
        assertThat(json.path("ingest_docs_per_min").asDouble()).isEqualTo(12.0);
        assertThat(json.path("upload_p95_ms").asDouble()).isEqualTo(95.0);
        assertThat(json.path("query_chunks").asInt()).isEqualTo(100_000);
        assertThat(json.path("query_p95_ms_c8").asDouble()).isEqualTo(160.0);
        assertThat(json.path("query_p95_ms_c32").asDouble()).isEqualTo(640.0);
        assertThat(json.path("search_p95_ms_c8").asDouble()).isEqualTo(16.0);
        assertThat(json.path("search_p95_ms_c32").asDouble()).isEqualTo(64.0);
        // Gateway median at one client minus the direct median at one client, at the largest size.
        assertThat(json.path("gateway_overhead_p50_ms").asDouble()).isEqualTo(3.0);
        // The standard document: a generated contract's parse-to-READY median, apart from the queue.
        assertThat(json.path("standard_doc_processing_p50_ms").asDouble()).isEqualTo(2100.0);
        assertThat(json.path("run").path("settings").path("seed").asLong()).isEqualTo(7);
        assertThat(json.path("run").path("machine").path("cores").asInt()).isEqualTo(2);

        String md = Files.readString(folder.resolve(ReportWriter.MARKDOWN));
        assertThat(md)
                .contains("| `query_p95_ms_c8` | 160.0 |", "2 cores", "AMD Test CPU", "![chunks READY over time]");
        assertThat(md).contains("| 100000 | search | gateway | 8 |");
        assertThat(md).contains("| ingestion-service | 30.0 | 75.0% |", "| analysis-service | 10.0 | 25.0% |");
        assertThat(md).contains("| generated contracts (standard, ~4000 words) | 10 | 10 | 4000 | 2100 |");
        for (String png : List.of("ingest-throughput.png", "search-latency.png", "query-latency.png")) {
            byte[] bytes = Files.readAllBytes(folder.resolve(png));
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    @Test
    void figuresOfSkippedPhasesAreNullNotZero() {
        Run run = new Run(
                "t",
                1,
                true,
                machine(),
                Map.of(),
                Map.of(),
                Map.of("platform", "down"),
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of());

        String json = ReportWriter.json(run);

        assertThat(json).contains("\"ingest_chunks_per_s\" : null", "\"gateway_overhead_p50_ms\" : null");
    }

    private static Run run() {
        List<QueryLoad> loads = new ArrayList<>();
        for (int size : List.of(10_000, 100_000)) {
            for (int clients : List.of(1, 8, 32, 64)) {
                double p95 = size == 100_000 ? 2.0 * clients : clients;
                loads.add(new QueryLoad(
                        size,
                        "query",
                        "gateway",
                        clients,
                        100,
                        0,
                        10,
                        10,
                        new Latency(100, 10 + clients, 10 * p95, 15 * p95, 20 * p95, 10)));
                loads.add(new QueryLoad(
                        size,
                        "search",
                        "gateway",
                        clients,
                        100,
                        0,
                        10,
                        10,
                        new Latency(100, 5 + clients, p95, p95 * 1.5, p95 * 2, 5)));
            }
            loads.add(new QueryLoad(size, "search", "direct", 1, 100, 0, 10, 10, new Latency(100, 3, 4, 5, 6, 3)));
        }
        Results.Ingest ingest = new Results.Ingest(
                List.of("4 generated"),
                10,
                10,
                0,
                0,
                600,
                40_000,
                20,
                12.0,
                30.0,
                new Latency(10, 50, 95, 99, 100, 55),
                null,
                Map.of("total", new Latency(10, 1, 2, 3, 4, 1)),
                List.of(new Results.ByCorpus(
                        "generated contracts (standard, ~4000 words)",
                        10,
                        10,
                        4000,
                        new Latency(10, 2100, 3000, 3100, 3200, 2200),
                        new Latency(10, 9000, 15000, 16000, 16500, 9500))),
                List.of(
                        new Results.TimePoint(0, 0, 0),
                        new Results.TimePoint(10, 5, 300),
                        new Results.TimePoint(20, 10, 600)),
                Map.of("ingestion-service", 30.0, "analysis-service", 10.0));
        Results.Ceiling ceiling = new Results.Ceiling("bge-small-en-v1.5-q", 2, "test", 400, 40_000, 10, 40.0, 4000);
        Results.Peer peer =
                new Results.Peer("bge-small-en-v1.5-q", 2, 120, 20, 10, 360, 36_000, 10, 1, 8, 1, 36.0, 3600, null);
        return new Run(
                "2026-01-01T00:00:00Z",
                100,
                false,
                machine(),
                Map.of("model", "x"),
                Map.of("seed", 7L),
                Map.of(),
                ingest,
                ceiling,
                peer,
                List.of(),
                loads,
                List.of("a note"));
    }

    private static MachineInfo machine() {
        return new MachineInfo(2, 8000, "AMD Test CPU", "Linux", "Java 17", 1.5);
    }
}
