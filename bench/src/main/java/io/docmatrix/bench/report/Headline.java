package io.docmatrix.bench.report;

import io.docmatrix.bench.report.Results.ByCorpus;
import io.docmatrix.bench.report.Results.QueryLoad;
import io.docmatrix.bench.report.Results.Run;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The few figures a reader compares between runs, flat at the top of {@code latest.json}. {@code query_*} figures are
 * the extractive query endpoint and {@code search_*} the search endpoint, both through the gateway at the largest
 * data size measured; the gateway's overhead is measured on search, the lighter request. A figure whose phase did not
 * run is null.
 */
final class Headline {

    static final String SEARCH = "search";
    static final String QUERY = "query";
    static final String GATEWAY = "gateway";
    static final String DIRECT = "direct";

    private Headline() {}

    static Map<String, @Nullable Object> of(Run run) {
        Map<String, @Nullable Object> h = raw(run);
        h.replaceAll((k, v) -> v instanceof Double d ? round(d) : v);
        return h;
    }

    private static Map<String, @Nullable Object> raw(Run run) {
        Map<String, @Nullable Object> h = new LinkedHashMap<>();
        Double ingestChunks = run.ingest() == null ? null : run.ingest().chunksPerS();
        Double ceiling = run.ceiling() == null ? null : run.ceiling().chunksPerS();
        h.put("ingest_chunks_per_s", ingestChunks);
        h.put("embed_ceiling_chunks_per_s", ceiling);
        h.put(
                "embed_ceiling_tokens_per_s",
                run.ceiling() == null ? null : run.ceiling().tokensPerS());
        h.put("peer_chunks_per_s", run.peer() == null ? null : run.peer().chunksPerS());
        h.put("peer_tokens_per_s", run.peer() == null ? null : run.peer().tokensPerS());
        h.put(
                "ingest_efficiency",
                ingestChunks == null || ceiling == null || ceiling == 0 ? null : round(ingestChunks / ceiling));
        h.put("ingest_docs_per_min", run.ingest() == null ? null : run.ingest().docsPerMin());
        h.put(
                "upload_p95_ms",
                run.ingest() == null ? null : run.ingest().upload().p95Ms());
        // The "under 5 s per standard document": a generated contract's processing once a worker takes it.
        h.put(
                "standard_doc_processing_p50_ms",
                run.ingest() == null
                        ? null
                        : run.ingest().byCorpus().stream()
                                .filter(c -> c.corpus().startsWith(ByCorpus.STANDARD)
                                        && c.processing().count() > 0)
                                .map(c -> c.processing().p50Ms())
                                .findFirst()
                                .orElse(null));
        int size = largestSize(run);
        h.put("query_chunks", size == 0 ? null : size);
        h.put("query_p95_ms_c8", p95(run, QUERY, size, 8));
        h.put("query_p95_ms_c32", p95(run, QUERY, size, 32));
        h.put("query_p95_ms_c64", p95(run, QUERY, size, 64));
        h.put("search_p95_ms_c8", p95(run, SEARCH, size, 8));
        h.put("search_p95_ms_c32", p95(run, SEARCH, size, 32));
        h.put("gateway_overhead_p50_ms", overheadP50(run, size));
        return h;
    }

    private static int largestSize(Run run) {
        return run.queries().stream()
                .filter(q -> q.endpoint().equals(SEARCH) && q.route().equals(GATEWAY))
                .map(QueryLoad::chunks)
                .max(Comparator.naturalOrder())
                .orElse(0);
    }

    private static @Nullable Double p95(Run run, String endpoint, int size, int clients) {
        return find(run, endpoint, size, GATEWAY, clients)
                .map(q -> q.latency().p95Ms())
                .orElse(null);
    }

    /** Median through the gateway minus median direct, one client each: the gateway's own cost without queueing. */
    private static @Nullable Double overheadP50(Run run, int size) {
        Optional<QueryLoad> gateway = find(run, SEARCH, size, GATEWAY, 1);
        Optional<QueryLoad> direct = find(run, SEARCH, size, DIRECT, 1);
        if (gateway.isEmpty() || direct.isEmpty()) {
            return null;
        }
        return round(gateway.get().latency().p50Ms() - direct.get().latency().p50Ms());
    }

    private static Optional<QueryLoad> find(Run run, String endpoint, int size, String route, int clients) {
        return run.queries().stream()
                .filter(q -> q.endpoint().equals(endpoint)
                        && q.route().equals(route)
                        && q.chunks() == size
                        && q.clients() == clients
                        && q.latency().count() > 0)
                .findFirst();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
