package io.docmatrix.bench.report;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The measured sections of a run; each is null when its phase was skipped (reason in {@link Run#skipped()}). */
public final class Results {

    private Results() {}

    /** Documents and chunks READY at a moment of the ingestion phase, for the throughput-over-time chart. */
    public record TimePoint(double seconds, long readyDocuments, long chunks) {}

    /**
     * Ingestion through the gateway.
     *
     * @param stages latency per stage from the document's timestamps: {@code queue} (received to parsing started),
     *     {@code parse} (parsing started to embedding started), {@code embed_publish} (embedding started to ready:
     *     embedding, chunk writes and the outbox append of every chunk event), {@code total}
     * @param largeUpload the upload answer for a 1 MB file sent while ingestion runs
     */
    public record Ingest(
            List<String> corpora,
            int documents,
            int ready,
            int failed,
            int pending,
            long chunks,
            long words,
            double seconds,
            double docsPerMin,
            double chunksPerS,
            Latency upload,
            @Nullable Latency largeUpload,
            Map<String, Latency> stages,
            List<ByCorpus> byCorpus,
            List<TimePoint> timeline,
            Map<String, Double> cpuSeconds) {

        /** The same figures with the CPU seconds each platform process used during the phase. */
        public Ingest withCpuSeconds(Map<String, Double> cpu) {
            return new Ingest(
                    corpora,
                    documents,
                    ready,
                    failed,
                    pending,
                    chunks,
                    words,
                    seconds,
                    docsPerMin,
                    chunksPerS,
                    upload,
                    largeUpload,
                    stages,
                    byCorpus,
                    timeline,
                    Map.copyOf(cpu));
        }
    }

    /**
     * One corpus of the ingestion phase on its own: the "standard document" (a generated ~4,000-word contract)
     * apart from CUAD's longer contracts.
     *
     * @param processing from the start of parsing to READY: what one document costs once a worker takes it
     * @param total from receipt to READY, queueing behind the rest of the corpus included
     */
    public record ByCorpus(String corpus, int documents, int ready, long meanWords, Latency processing, Latency total) {

        /** How the standard documents' corpus name begins, so the headline finds them. */
        public static final String STANDARD = "generated contracts";
    }

    /** Raw throughput of the embedding model, nothing else running. */
    public record Ceiling(
            String model,
            int threads,
            String textsFrom,
            int texts,
            long tokens,
            double seconds,
            double chunksPerS,
            double tokensPerS) {}

    /** The LangChain4j peer pipeline over the same corpus. */
    public record Peer(
            String model,
            int threads,
            int chunkTokens,
            int overlapTokens,
            int documents,
            long segments,
            long tokens,
            double seconds,
            double splitSeconds,
            double embedSeconds,
            double storeSeconds,
            double chunksPerS,
            double tokensPerS,
            @Nullable Retrieval retrieval) {}

    /**
     * Retrieval quality on a small labelled set: each question's gold document among the top {@code k} results.
     *
     * @param questions labelled questions asked
     */
    public record Retrieval(String set, int questions, int k, double recallAtK, double mrr) {}

    /** Raw pgvector top-10 queries on a table of generated vectors (HNSW, cosine). */
    public record Pgvector(
            int rows, int dimension, double loadSeconds, double indexSeconds, Map<String, Latency> byClients) {}

    /**
     * One closed-loop load: {@code clients} callers, each sending its next request as soon as the previous answered.
     *
     * @param route {@code gateway} or {@code direct} (query-service with self-signed identity headers)
     * @param errors non-2xx answers and failed calls (not in the latency figures)
     */
    public record QueryLoad(
            int chunks,
            String endpoint,
            String route,
            int clients,
            long requests,
            long errors,
            double seconds,
            double perSecond,
            Latency latency) {}

    /** Everything a run produced, with what it ran on and how it was set. */
    public record Run(
            String startedAt,
            double durationSeconds,
            boolean quick,
            MachineInfo machine,
            Map<String, String> versions,
            Map<String, Object> settings,
            Map<String, String> skipped,
            @Nullable Ingest ingest,
            @Nullable Ceiling ceiling,
            @Nullable Peer peer,
            List<Pgvector> pgvector,
            List<QueryLoad> queries,
            List<String> notes) {}
}
