package io.docmatrix.eval.corpus;

import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads source documents into a tenant and waits, with bounds, until each is final and searchable. A document that
 * fails or never becomes READY is reported, not fatal: its questions then count as misses.
 */
public final class CorpusLoader {

    private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final PlatformClient platform;
    private final int concurrency;
    private final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CorpusLoader(PlatformClient platform, int concurrency) {
        this.platform = platform;
        this.concurrency = Math.max(1, concurrency);
    }

    /** Keys of the documents whose upload the platform refused. */
    public List<String> refusedUploads() {
        return List.copyOf(refused);
    }

    /** Uploads every document (a duplicate reuses the stored one) and returns their ids in input order. */
    public Map<SourceDocument, PlatformClient.Upload> upload(List<SourceDocument> documents) {
        Map<SourceDocument, PlatformClient.Upload> uploads = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<PlatformClient.Upload>> futures = new ArrayList<>();
            for (SourceDocument document : documents) {
                futures.add(pool.submit(() -> platform.upload(
                        document.filename(),
                        document.text().getBytes(StandardCharsets.UTF_8),
                        "text/plain; charset=utf-8",
                        metadata(document))));
            }
            PlatformException first = null;
            for (int i = 0; i < documents.size(); i++) {
                try {
                    uploads.put(documents.get(i), await(futures.get(i)));
                } catch (PlatformException e) {
                    // One refused file (too large, unsupported) must not end a long run; its questions count as misses.
                    log.warn("upload of {} refused: {}", documents.get(i).filename(), e.getMessage());
                    refused.add(documents.get(i).key());
                    first = first == null ? e : first;
                }
            }
            if (uploads.isEmpty() && first != null) {
                throw first; // every upload refused: a configuration problem (credentials, gateway), not data
            }
        } finally {
            pool.shutdownNow();
        }
        long duplicates = uploads.values().stream()
                .filter(PlatformClient.Upload::duplicate)
                .count();
        log.info("uploaded {} documents ({} already stored)", uploads.size(), duplicates);
        return uploads;
    }

    /** Polls until every document is READY or FAILED or the timeout passes, then reads the chunks of the READY ones. */
    public List<LoadedDocument> awaitReady(Map<SourceDocument, PlatformClient.Upload> uploads, Duration timeout) {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, Integer> chunkCounts = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int open = 0;
            for (PlatformClient.Upload upload : uploads.values()) {
                String known = status.get(upload.documentId());
                if ("READY".equals(known) || "FAILED".equals(known)) {
                    continue;
                }
                Optional<JsonNode> fetched = platform.documentIfKnown(upload.documentId());
                if (fetched.isEmpty()) {
                    open++;
                    continue;
                }
                JsonNode document = fetched.get();
                String now = document.path("status").asString("UNKNOWN");
                status.put(upload.documentId(), now);
                chunkCounts.put(upload.documentId(), document.path("chunkCount").asInt(0));
                if (!"READY".equals(now) && !"FAILED".equals(now)) {
                    open++;
                }
            }
            long ready = status.values().stream().filter("READY"::equals).count();
            long failed = status.values().stream().filter("FAILED"::equals).count();
            log.info("documents ready {}, failed {}, in flight {}", ready, failed, open);
            if (open == 0 || System.nanoTime() > deadline) {
                break;
            }
            sleep(POLL);
        }
        List<LoadedDocument> loaded = new ArrayList<>();
        uploads.forEach((source, upload) -> {
            String finalStatus = status.getOrDefault(upload.documentId(), "UNKNOWN");
            OffsetMap offsets = "READY".equals(finalStatus)
                    ? OffsetMap.of(source.text(), chunksOf(upload.documentId()))
                    : OffsetMap.of(source.text(), List.of());
            loaded.add(new LoadedDocument(
                    source,
                    upload.documentId(),
                    finalStatus,
                    upload.duplicate(),
                    chunkCounts.getOrDefault(upload.documentId(), 0),
                    offsets));
        });
        return loaded;
    }

    /**
     * Waits until a search restricted to each READY document returns something: the query read store is fed
     * asynchronously, so READY in ingestion does not yet mean searchable. Returns the documents still not searchable.
     */
    public List<LoadedDocument> awaitSearchable(List<LoadedDocument> documents, Duration timeout) {
        List<LoadedDocument> pending =
                new ArrayList<>(documents.stream().filter(LoadedDocument::ready).toList());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            pending.removeIf(this::searchable);
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            log.info("waiting for {} documents to become searchable", pending.size());
            sleep(POLL);
        }
        return pending;
    }

    private boolean searchable(LoadedDocument document) {
        ObjectNode body = platform.json().createObjectNode();
        body.put("question", probe(document.source()));
        body.putArray("documentIds").add(document.documentId());
        body.put("topK", 1);
        try {
            return !platform.search(body).body().path("results").isEmpty();
        } catch (PlatformException e) {
            log.debug("search probe of {} failed: {}", document.documentId(), e.getMessage());
            return false;
        }
    }

    /**
     * A probe every searchable document answers, whatever the retrieval mode: its own opening words (a title may share
     * no word with the text, and a lexical-only search would then find nothing even once the document is there).
     */
    static String probe(SourceDocument source) {
        String head = source.text().substring(0, Math.min(2_000, source.text().length()));
        String text = head.strip().replaceAll("\\s+", " ");
        String opening = text.substring(0, Math.min(200, text.length()));
        return opening.isBlank() ? source.title() : opening;
    }

    private List<PlatformChunk> chunksOf(String documentId) {
        List<PlatformChunk> chunks = new ArrayList<>();
        for (JsonNode item : platform.chunks(documentId)) {
            chunks.add(new PlatformChunk(
                    item.path("chunkId").asString(""),
                    item.path("ordinal").asInt(),
                    item.path("text").asString(""),
                    item.path("start").asInt(-1),
                    item.path("end").asInt(-1)));
        }
        return chunks;
    }

    private ObjectNode metadata(SourceDocument document) {
        ObjectNode metadata = platform.json().createObjectNode();
        metadata.put("title", document.title());
        metadata.put("externalId", document.key());
        metadata.put("collection", document.collection());
        metadata.putArray("tags").add("eval");
        return metadata;
    }

    private static PlatformClient.Upload await(Future<PlatformClient.Upload> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PlatformException("upload failed: " + e.getCause(), e.getCause());
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    /** Counts of the offset check over all READY documents, for the report. */
    public record AlignmentSummary(
            long documents,
            long documentsRemapped,
            long chunks,
            long chunksExact,
            long chunksRemapped,
            long chunksUnlocated) {

        public static AlignmentSummary of(List<LoadedDocument> documents) {
            List<LoadedDocument> ready =
                    documents.stream().filter(LoadedDocument::ready).toList();
            return new AlignmentSummary(
                    ready.size(),
                    ready.stream().filter(d -> !d.offsets().identity()).count(),
                    ready.stream()
                            .mapToLong(d -> d.offsets().chunksExact()
                                    + d.offsets().chunksRemapped()
                                    + d.offsets().chunksUnlocated())
                            .sum(),
                    ready.stream().mapToLong(d -> d.offsets().chunksExact()).sum(),
                    ready.stream().mapToLong(d -> d.offsets().chunksRemapped()).sum(),
                    ready.stream().mapToLong(d -> d.offsets().chunksUnlocated()).sum());
        }
    }

    /** Counts of the load, for the report. */
    public record LoadSummary(
            long documents,
            long ready,
            long failed,
            long notFinal,
            long reused,
            long notSearchable,
            List<String> uploadsRefused) {

        public static LoadSummary of(
                List<LoadedDocument> documents, List<LoadedDocument> notSearchable, List<String> uploadsRefused) {
            return new LoadSummary(
                    documents.size() + uploadsRefused.size(),
                    documents.stream().filter(LoadedDocument::ready).count(),
                    documents.stream().filter(d -> "FAILED".equals(d.status())).count(),
                    documents.stream()
                            .filter(d -> !d.ready() && !"FAILED".equals(d.status()))
                            .count(),
                    documents.stream().filter(LoadedDocument::duplicate).count(),
                    notSearchable.size(),
                    uploadsRefused);
        }
    }
}
