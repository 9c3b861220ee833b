package io.docmatrix.bench.report;

import io.docmatrix.bench.report.Results.Ceiling;
import io.docmatrix.bench.report.Results.Ingest;
import io.docmatrix.bench.report.Results.Peer;
import io.docmatrix.bench.report.Results.Pgvector;
import io.docmatrix.bench.report.Results.QueryLoad;
import io.docmatrix.bench.report.Results.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run into a folder: {@code latest.json} (headline figures first, then everything), {@code latest.md} (the
 * report a person reads) and its PNG charts. Written to temporary names and moved, so a crashed run never leaves half
 * a report behind the previous one.
 */
public final class ReportWriter {

    public static final String JSON = "latest.json";
    public static final String MARKDOWN = "latest.md";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportWriter() {}

    public static void write(Run run, Path folder) {
        try {
            Files.createDirectories(folder);
            List<String> charts = Charts.write(run, folder);
            replace(folder.resolve(JSON), json(run));
            replace(folder.resolve(MARKDOWN), markdown(run, charts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Run run) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>(Headline.of(run));
        json.put("run", run);
        return MAPPER.writeValueAsString(json);
    }

    private static void replace(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String markdown(Run run, List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# DocMatrix benchmark: latest run\n\n");
        md.append("Started ").append(run.startedAt()).append(", took ").append(f(run.durationSeconds()));
        md.append(" s").append(run.quick() ? " (`--quick`)" : "").append(". Method: [README.md](README.md).\n\n");
        md.append("## Headline\n\n| figure | value |\n|---|---|\n");
        Headline.of(run).forEach((k, v) -> md.append("| `")
                .append(k)
                .append("` | ")
                .append(v == null ? "–" : v)
                .append(" |\n"));
        md.append("\n## Machine\n\n");
        MachineInfo m = run.machine();
        md.append("- ")
                .append(m.cores())
                .append(" cores, ")
                .append(m.memoryMb())
                .append(" MB, ")
                .append(m.cpuModel())
                .append('\n');
        md.append("- ").append(m.os()).append(", ").append(m.java()).append('\n');
        md.append("- load average at start: ")
                .append(f(m.loadAverageAtStart()))
                .append(" (other processes share these cores; figures are lower bounds on a busy machine)\n");
        md.append("\n## Versions\n\n");
        run.versions()
                .forEach((k, v) ->
                        md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Settings\n\n");
        run.settings()
                .forEach((k, v) ->
                        md.append("- ").append(k).append(": ").append(v).append('\n'));
        if (!run.skipped().isEmpty()) {
            md.append("\n## Skipped\n\n");
            run.skipped()
                    .forEach((k, v) ->
                            md.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        ingest(md, run.ingest(), charts);
        ceilingAndPeer(md, run.ceiling(), run.peer(), run.ingest());
        pgvector(md, run.pgvector());
        queries(md, run.queries(), charts);
        if (!run.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            run.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static void ingest(StringBuilder md, @Nullable Ingest ingest, List<String> charts) {
        if (ingest == null) {
            return;
        }
        md.append("\n## Ingestion through the gateway\n\n");
        md.append("Corpora: ").append(String.join(", ", ingest.corpora())).append(". ");
        md.append(ingest.documents())
                .append(" documents (")
                .append(ingest.words())
                .append(" words): ");
        md.append(ingest.ready()).append(" READY, ").append(ingest.failed()).append(" FAILED, ");
        md.append(ingest.pending())
                .append(" unfinished at the time limit; ")
                .append(ingest.chunks())
                .append(" chunks in ");
        md.append(f(ingest.seconds())).append(" s.\n\n");
        md.append("| documents/min | chunks/s |\n|---|---|\n| ")
                .append(f(ingest.docsPerMin()))
                .append(" | ");
        md.append(f(ingest.chunksPerS())).append(" |\n\n");
        md.append("| latency (ms) | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        row(md, "upload answer", ingest.upload());
        if (ingest.largeUpload() != null) {
            row(md, "1 MB upload during ingestion", ingest.largeUpload());
        }
        ingest.stages().forEach((stage, latency) -> row(md, "stage " + stage, latency));
        if (!ingest.byCorpus().isEmpty()) {
            md.append("\nPer corpus (ms): *processing* is parse start to READY, what one document costs once a worker"
                    + " takes it; *total* adds the wait behind the rest of the corpus.\n\n");
            md.append("| corpus | documents | READY | mean words | processing p50 | p95 | max | total p50 | p95 |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Results.ByCorpus c : ingest.byCorpus()) {
                md.append("| ")
                        .append(c.corpus())
                        .append(" | ")
                        .append(c.documents())
                        .append(" | ");
                md.append(c.ready()).append(" | ").append(c.meanWords()).append(" | ");
                md.append(f(c.processing().p50Ms()))
                        .append(" | ")
                        .append(f(c.processing().p95Ms()))
                        .append(" | ");
                md.append(f(c.processing().maxMs()))
                        .append(" | ")
                        .append(f(c.total().p50Ms()))
                        .append(" | ");
                md.append(f(c.total().p95Ms())).append(" |\n");
            }
        }
        if (!ingest.cpuSeconds().isEmpty()) {
            double all = ingest.cpuSeconds().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            md.append("\nCPU seconds per platform process during the phase (")
                    .append(f(ingest.seconds()))
                    .append(" s of wall time on ")
                    .append("the machine's cores; a process's live and ended children included):\n\n");
            md.append("| process | CPU s | share |\n|---|---|---|\n");
            ingest.cpuSeconds().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> md.append("| ")
                            .append(e.getKey())
                            .append(" | ")
                            .append(f(e.getValue()))
                            .append(" | ")
                            .append(all == 0 ? "–" : f(100 * e.getValue() / all) + "%")
                            .append(" |\n"));
        }
        if (charts.contains(Charts.INGEST)) {
            md.append("\n![chunks READY over time](").append(Charts.INGEST).append(")\n");
        }
    }

    private static void ceilingAndPeer(
            StringBuilder md, @Nullable Ceiling ceiling, @Nullable Peer peer, @Nullable Ingest ingest) {
        if (ceiling == null && peer == null) {
            return;
        }
        md.append("\n## Throughput against the limit and the peer\n\n");
        md.append("| pipeline | chunks/s | tokens/s | share of the embedding ceiling |\n|---|---|---|---|\n");
        double limit = ceiling == null ? 0 : ceiling.chunksPerS();
        if (ceiling != null) {
            md.append("| embedding ceiling (")
                    .append(ceiling.model())
                    .append(", ")
                    .append(ceiling.threads());
            md.append(" threads, ")
                    .append(ceiling.texts())
                    .append(" texts from ")
                    .append(ceiling.textsFrom())
                    .append(") | ");
            md.append(f(ceiling.chunksPerS()))
                    .append(" | ")
                    .append(f(ceiling.tokensPerS()))
                    .append(" | 1.00 |\n");
        }
        if (ingest != null) {
            md.append("| DocMatrix ingestion (end to end, upload to READY) | ").append(f(ingest.chunksPerS()));
            md.append(" | – | ").append(share(ingest.chunksPerS(), limit)).append(" |\n");
        }
        if (peer != null) {
            md.append("| LangChain4j peer (split, embed, pgvector store; ")
                    .append(peer.threads())
                    .append(" threads, ");
            md.append(peer.chunkTokens())
                    .append("-token segments) | ")
                    .append(f(peer.chunksPerS()))
                    .append(" | ");
            md.append(f(peer.tokensPerS()))
                    .append(" | ")
                    .append(share(peer.chunksPerS(), limit))
                    .append(" |\n");
            md.append("\nPeer time split: split ")
                    .append(f(peer.splitSeconds()))
                    .append(" s, embed ");
            md.append(f(peer.embedSeconds()))
                    .append(" s, store ")
                    .append(f(peer.storeSeconds()))
                    .append(" s; ");
            md.append(peer.segments())
                    .append(" segments of ")
                    .append(peer.documents())
                    .append(" documents.\n");
            if (peer.retrieval() != null) {
                Results.Retrieval r = peer.retrieval();
                md.append("\nPeer retrieval on ")
                        .append(r.set())
                        .append(": ")
                        .append(r.questions())
                        .append(" questions, recall@");
                md.append(r.k())
                        .append(' ')
                        .append(f(r.recallAtK()))
                        .append(", MRR ")
                        .append(f(r.mrr()))
                        .append(".\n");
            }
        }
    }

    private static void pgvector(StringBuilder md, List<Pgvector> tables) {
        if (tables.isEmpty()) {
            return;
        }
        md.append("\n## Raw pgvector top-10 (HNSW, cosine)\n\n");
        md.append(
                "| rows | index build (s) | clients | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        for (Pgvector t : tables) {
            t.byClients().forEach((clients, l) -> md.append("| ")
                    .append(t.rows())
                    .append(" | ")
                    .append(f(t.indexSeconds()))
                    .append(" | ")
                    .append(clients)
                    .append(" | ")
                    .append(l.count())
                    .append(" | ")
                    .append(f(l.p50Ms()))
                    .append(" | ")
                    .append(f(l.p95Ms()))
                    .append(" | ")
                    .append(f(l.p99Ms()))
                    .append(" | ")
                    .append(f(l.maxMs()))
                    .append(" |\n"));
        }
    }

    private static void queries(StringBuilder md, List<QueryLoad> loads, List<String> charts) {
        if (loads.isEmpty()) {
            return;
        }
        md.append("\n## Queries (closed loop)\n\n");
        md.append("| chunks | endpoint | route | clients | requests | errors | req/s | p50 | p95 | p99 | max |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (QueryLoad q : loads) {
            Latency l = q.latency();
            md.append("| ")
                    .append(q.chunks())
                    .append(" | ")
                    .append(q.endpoint())
                    .append(" | ")
                    .append(q.route())
                    .append(" | ")
                    .append(q.clients())
                    .append(" | ")
                    .append(q.requests())
                    .append(" | ")
                    .append(q.errors())
                    .append(" | ")
                    .append(f(q.perSecond()))
                    .append(" | ")
                    .append(f(l.p50Ms()))
                    .append(" | ")
                    .append(f(l.p95Ms()))
                    .append(" | ")
                    .append(f(l.p99Ms()))
                    .append(" | ")
                    .append(f(l.maxMs()))
                    .append(" |\n");
        }
        for (String chart : charts) {
            if (chart.endsWith("-latency.png")) {
                md.append("\n![").append(chart).append("](").append(chart).append(")\n");
            }
        }
    }

    private static void row(StringBuilder md, String name, Latency l) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(l.count())
                .append(" | ")
                .append(f(l.p50Ms()))
                .append(" | ");
        md.append(f(l.p95Ms()))
                .append(" | ")
                .append(f(l.p99Ms()))
                .append(" | ")
                .append(f(l.maxMs()))
                .append(" |\n");
    }

    private static String share(double value, double limit) {
        return limit <= 0 ? "–" : f(value / limit);
    }

    static String f(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
