package io.docmatrix.bench.ingest;

import io.docmatrix.bench.corpus.CorpusDocument;
import io.docmatrix.bench.platform.PlatformClient;
import io.docmatrix.bench.platform.PlatformClient.Answer;
import io.docmatrix.bench.report.Latency;
import io.docmatrix.bench.report.Results;
import io.docmatrix.bench.report.Results.Ingest;
import io.docmatrix.bench.report.Results.TimePoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Uploads a corpus through the gateway with a fixed number of parallel uploads and polls every document until it is
 * READY or FAILED, or the time limit passes. Throughput counts from the first upload to the last document that became
 * final, so it covers the whole pipeline (gateway, upload event, parse, chunk, embed, outbox). Stage latencies come from
 * the timestamps ingestion records per document.
 */
public final class IngestionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(IngestionBenchmark.class);

    private final PlatformClient client;
    private final int concurrency;
    private final Duration limit;
    private final Duration pollInterval;
    private final String runTag;
    private final List<UUID> ready = new ArrayList<>();

    /**
     * @param runTag appended to every uploaded text: the gateway answers a repeated upload of the same bytes with the
     *     existing document, which would make a second run measure nothing
     */
    public IngestionBenchmark(
            PlatformClient client, int concurrency, Duration limit, Duration pollInterval, String runTag) {
        this.client = client;
        this.concurrency = concurrency;
        this.limit = limit;
        this.pollInterval = pollInterval;
        this.runTag = runTag;
    }

    /**
     * An accepted upload. A file name the tenant already holds becomes a new version of that document, and until
     * ingestion takes the upload in the document still shows its previous, READY version: only this version counts.
     */
    private record Tracked(UUID id, String name, int version) {}

    /** Final state of one document as the poll last saw it. */
    record DocumentState(String status, int chunkCount, @Nullable JsonNode timestamps) {
        boolean isFinal() {
            return status.equals("READY") || status.equals("FAILED");
        }
    }

    /**
     * @param corpusOf names the corpus a document belongs to (by its file name), for the per-corpus breakdown
     */
    public Ingest run(
            List<String> corpora,
            List<CorpusDocument> corpus,
            @Nullable CorpusDocument large,
            Function<String, String> corpusOf)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Histogram uploads = Latency.histogram();
        Histogram largeUploads = Latency.histogram();
        List<Tracked> tracked = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            CorpusDocument document = corpus.get(i);
            if (large != null && i == corpus.size() / 3) {
                // Queued after a third of the corpus, so the pipeline is busy when the large file arrives.
                pending.add(pool.submit(() -> upload(large, largeUploads, tracked, deadline)));
            }
            pending.add(pool.submit(() -> upload(document, uploads, tracked, deadline)));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        LOG.info("{} uploads accepted in {} s; polling until READY", tracked.size(), secondsSince(started));

        Map<UUID, DocumentState> states = new ConcurrentHashMap<>();
        List<TimePoint> timeline = new ArrayList<>();
        long lastFinal = started;
        while (System.nanoTime() < deadline) {
            int open = 0;
            for (Tracked t : tracked) {
                DocumentState known = states.get(t.id());
                if (known != null && known.isFinal()) {
                    continue;
                }
                Answer answer = client.document(t.id());
                if (!answer.ok()) {
                    open++;
                    continue;
                }
                JsonNode body = answer.json();
                if (body.path("version").asInt(0) < t.version()) {
                    open++; // the upload's version is not in the document yet
                    continue;
                }
                DocumentState state = new DocumentState(
                        body.path("status").asString(),
                        body.path("chunkCount").asInt(0),
                        body.path("timestamps").isObject() ? body.path("timestamps") : null);
                states.put(t.id(), state);
                if (state.isFinal()) {
                    lastFinal = System.nanoTime();
                } else {
                    open++;
                }
            }
            long ready = states.values().stream()
                    .filter(s -> s.status().equals("READY"))
                    .count();
            long chunks = states.values().stream()
                    .filter(s -> s.status().equals("READY"))
                    .mapToLong(DocumentState::chunkCount)
                    .sum();
            timeline.add(new TimePoint(secondsSince(started), ready, chunks));
            if (open == 0) {
                break;
            }
            LOG.info("ingestion: {} READY, {} open, {} chunks", ready, open, chunks);
            Thread.sleep(pollInterval.toMillis());
        }
        return summarize(
                corpora,
                corpus,
                large,
                corpusOf,
                tracked,
                states,
                started,
                lastFinal,
                uploads,
                large == null ? null : largeUploads,
                timeline);
    }

    /** The documents the last run saw READY, for reading back their chunks. */
    public List<UUID> readyDocuments() {
        return List.copyOf(ready);
    }

    private void upload(CorpusDocument document, Histogram latencies, List<Tracked> tracked, long deadline) {
        if (System.nanoTime() > deadline) {
            return;
        }
        try {
            Answer answer = client.upload(tagged(document));
            if (answer.ok() && !answer.json().path("duplicate").asBoolean(false)) {
                synchronized (latencies) {
                    Latency.record(latencies, answer.nanos());
                }
                tracked.add(new Tracked(
                        UUID.fromString(answer.json().path("documentId").asString()),
                        document.name(),
                        answer.json().path("version").asInt(1)));
            } else {
                LOG.warn(
                        "upload of {} answered HTTP {}: {}",
                        document.name(),
                        answer.status(),
                        abbreviate(answer.body()));
            }
        } catch (Exception e) {
            LOG.warn("upload of {} failed: {}", document.name(), e.toString());
        }
    }

    private CorpusDocument tagged(CorpusDocument document) {
        byte[] tag = ("\n\nBenchmark run " + runTag + ".\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[document.bytes().length + tag.length];
        System.arraycopy(document.bytes(), 0, bytes, 0, document.bytes().length);
        System.arraycopy(tag, 0, bytes, document.bytes().length, tag.length);
        return new CorpusDocument(document.name(), document.contentType(), document.text(), bytes);
    }

    private static Ingest summarize(
            List<String> corpora,
            List<CorpusDocument> corpus,
            @Nullable CorpusDocument large,
            Function<String, String> corpusOf,
            List<Tracked> tracked,
            Map<UUID, DocumentState> states,
            long started,
            long lastFinal,
            Histogram uploads,
            @Nullable Histogram largeUploads,
            List<TimePoint> timeline) {
        int ready = 0;
        int failed = 0;
        long chunks = 0;
        Map<String, Histogram> stages = new LinkedHashMap<>();
        for (String stage : List.of("queue", "parse", "embed_publish", "total")) {
            stages.put(stage, Latency.histogram());
        }
        for (DocumentState state : states.values()) {
            if (state.status().equals("READY")) {
                ready++;
                chunks += state.chunkCount();
                stageTimes(state.timestamps(), stages);
            } else if (state.status().equals("FAILED")) {
                failed++;
            }
        }
        double seconds = Math.max(1e-3, (lastFinal - started) / 1e9);
        List<Results.ByCorpus> byCorpus = byCorpus(corpus, large, corpusOf, tracked, states);
        Map<String, Latency> stageLatency = new LinkedHashMap<>();
        stages.forEach((k, v) -> stageLatency.put(k, Latency.of(v)));
        long words = corpus.stream().mapToLong(CorpusDocument::words).sum();
        return new Ingest(
                corpora,
                tracked.size(),
                ready,
                failed,
                tracked.size() - ready - failed,
                chunks,
                words,
                seconds,
                (ready + failed) / (seconds / 60),
                chunks / seconds,
                Latency.of(uploads),
                largeUploads == null ? null : Latency.of(largeUploads),
                stageLatency,
                byCorpus,
                timeline,
                Map.of());
    }

    private static List<Results.ByCorpus> byCorpus(
            List<CorpusDocument> corpus,
            @Nullable CorpusDocument large,
            Function<String, String> corpusOf,
            List<Tracked> tracked,
            Map<UUID, DocumentState> states) {
        Map<String, Integer> words = new HashMap<>();
        corpus.forEach(d -> words.put(d.name(), d.words()));
        if (large != null) {
            words.put(large.name(), large.words());
        }
        // Insertion order: corpora in the order their first document was uploaded.
        Map<String, List<Tracked>> groups = new LinkedHashMap<>();
        for (Tracked t : tracked) {
            groups.computeIfAbsent(corpusOf.apply(t.name()), k -> new ArrayList<>())
                    .add(t);
        }
        List<Results.ByCorpus> result = new ArrayList<>();
        groups.forEach((name, members) -> {
            Histogram processing = Latency.histogram();
            Histogram total = Latency.histogram();
            int ready = 0;
            for (Tracked t : members) {
                DocumentState state = states.get(t.id());
                if (state == null || !state.status().equals("READY")) {
                    continue;
                }
                ready++;
                if (state.timestamps() == null) {
                    continue; // counted READY, but no stage times to record
                }
                between(
                        processing,
                        instant(state.timestamps(), "parsingStartedAt"),
                        instant(state.timestamps(), "readyAt"));
                between(total, instant(state.timestamps(), "receivedAt"), instant(state.timestamps(), "readyAt"));
            }
            long meanWords = Math.round(members.stream()
                    .mapToInt(t -> words.getOrDefault(t.name(), 0))
                    .average()
                    .orElse(0));
            result.add(new Results.ByCorpus(
                    name, members.size(), ready, meanWords, Latency.of(processing), Latency.of(total)));
        });
        return result;
    }

    /** Adds one READY document's stage durations; a timestamp the service did not record leaves its stage out. */
    static void stageTimes(@Nullable JsonNode t, Map<String, Histogram> stages) {
        if (t == null) {
            return;
        }
        Instant received = instant(t, "receivedAt");
        Instant parsing = instant(t, "parsingStartedAt");
        Instant embedding = instant(t, "embeddingStartedAt");
        Instant ready = instant(t, "readyAt");
        between(stages.get("queue"), received, parsing);
        between(stages.get("parse"), parsing, embedding);
        between(stages.get("embed_publish"), embedding, ready);
        between(stages.get("total"), received, ready);
    }

    private static void between(Histogram histogram, @Nullable Instant from, @Nullable Instant to) {
        if (from != null && to != null && !to.isBefore(from)) {
            Latency.record(histogram, Duration.between(from, to).toNanos());
        }
    }

    private static @Nullable Instant instant(JsonNode t, String field) {
        JsonNode value = t.path(field);
        return value.isString() ? Instant.parse(value.asString()) : null;
    }

    private static double secondsSince(long started) {
        return Math.round((System.nanoTime() - started) / 1e6) / 1000.0;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
