package io.docmatrix.ingestion.pipeline;

import io.docmatrix.embedding.EmbeddingFailedException;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.ingestion.blob.BlobStore;
import io.docmatrix.ingestion.chunking.Chunk;
import io.docmatrix.ingestion.chunking.Chunker;
import io.docmatrix.ingestion.document.ClaimedDocument;
import io.docmatrix.ingestion.document.DocumentLifecycle;
import io.docmatrix.ingestion.document.ExtractedText;
import io.docmatrix.ingestion.document.NewChunk;
import io.docmatrix.ingestion.parsing.DocumentParser;
import io.docmatrix.ingestion.parsing.ParseFailure;
import io.docmatrix.ingestion.parsing.ParseOutcome;
import io.docmatrix.runtime.observability.TraceContinuation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Processes one claimed document version from blob to READY or FAILED. Every outcome a document can have is decided
 * here and recorded through the lifecycle; only a transient failure (blob store or embedding endpoint unavailable)
 * leaves the document to its lease, so it is retried by a later attempt instead of failing for good.
 */
@Component
public class DocumentProcessor {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);

    private final DocumentLifecycle lifecycle;
    private final BlobStore blobs;
    private final ObjectProvider<DocumentParser> parser;
    private final Chunker chunker;
    private final EmbeddingModel embeddings;
    private final MeterRegistry meters;
    private final TraceContinuation traces;

    public DocumentProcessor(
            DocumentLifecycle lifecycle,
            BlobStore blobs,
            ObjectProvider<DocumentParser> parser,
            Chunker chunker,
            EmbeddingModel embeddings,
            MeterRegistry meters,
            TraceContinuation traces) {
        this.lifecycle = lifecycle;
        this.blobs = blobs;
        this.parser = parser;
        this.chunker = chunker;
        this.embeddings = embeddings;
        this.meters = meters;
        this.traces = traces;
    }

    /** Outcome of one attempt, for the worker's logs and tests. */
    public enum Result {
        READY,
        FAILED,
        RETRY_LATER,
        LEASE_LOST
    }

    public Result process(ClaimedDocument document, String worker) {
        traces.annotate("docmatrix.document_id", document.id().toString());
        traces.annotate("docmatrix.document_version", Integer.toString(document.version()));
        byte[] content;
        try {
            content = timed("fetch", () -> read(document));
        } catch (BlobStore.BlobUnavailableException e) {
            if (e.transientFailure()) {
                log.warn(
                        "Blob of document {} is unavailable for now; retrying later: {}",
                        document.id(),
                        e.getMessage());
                return Result.RETRY_LATER;
            }
            return fail(document, worker, "BLOB_MISSING", "The stored file could not be found.", "FETCH");
        }

        ParseOutcome outcome = timed("parse", () -> parser.getObject().parse(document.filename(), content));
        if (outcome instanceof ParseOutcome.Failed failed) {
            // The parser's own detail can name internal classes; clients get a fixed sentence per code, the log keeps
            // it.
            log.info("Document {} failed to parse: {} ({})", document.id(), failed.code(), failed.detail());
            return fail(document, worker, failed.code().name(), FailureMessages.of(failed.code()), "PARSING");
        }
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        int pageCount = Math.max(1, parsed.pages().size());
        if (!lifecycle.parsed(document, worker, extracted(parsed), pageCount)) {
            return Result.LEASE_LOST;
        }

        List<Chunk> chunks;
        try {
            chunks = timed("chunk", () -> chunker.chunk(parsed));
        } catch (Chunker.ChunkLimitExceededException e) {
            // Within the text limit but cut into more chunks than one document may have (many tiny sections): its
            // embedding alone would hold a worker for minutes, so it ends here, before any vector is computed.
            log.info("Document {} failed to chunk: TEXT_LIMIT_EXCEEDED ({})", document.id(), e.getMessage());
            return fail(
                    document,
                    worker,
                    ParseFailure.TEXT_LIMIT_EXCEEDED.name(),
                    FailureMessages.of(ParseFailure.TEXT_LIMIT_EXCEEDED),
                    "CHUNKING");
        }
        if (chunks.isEmpty()) {
            return fail(document, worker, "EMPTY_DOCUMENT", "The document has no text to index.", "CHUNKING");
        }
        List<float[]> vectors;
        try {
            vectors = timed(
                    "embed",
                    () -> embeddings.embed(
                            chunks.stream().map(Chunk::embeddingText).toList()));
        } catch (EmbeddingFailedException e) {
            log.warn("Embedding document {} failed for now; retrying later: {}", document.id(), e.getMessage());
            return Result.RETRY_LATER;
        }
        List<NewChunk> stored = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            stored.add(new NewChunk(
                    chunk.ordinal(),
                    chunk.text(),
                    chunk.page(),
                    chunk.pageEnd(),
                    chunk.start(),
                    chunk.end(),
                    chunk.headingPath(),
                    chunk.tokenCount(),
                    vectors.get(i)));
        }
        boolean indexed = timed(
                "store",
                () -> lifecycle.indexed(
                        document, worker, stored, embeddings.modelId(), embeddings.dimension(), pageCount));
        if (!indexed) {
            return Result.LEASE_LOST;
        }
        // Every series of a name carries the same tag keys: Prometheus drops a meter whose keys differ.
        meters.counter("docmatrix.ingestion.documents", "outcome", "READY", "code", "NONE", "tenant", tenant(document))
                .increment();
        meters.counter("docmatrix.ingestion.chunks").increment(stored.size());
        return Result.READY;
    }

    // The tenant id, for the per-tenant usage dashboard; tenants are few enough per deployment to be a label.
    private static String tenant(ClaimedDocument document) {
        return document.tenantId().toString();
    }

    private byte[] read(ClaimedDocument document) throws BlobStore.BlobUnavailableException {
        return blobs.read(document.blob());
    }

    private Result fail(ClaimedDocument document, String worker, String code, String detail, String stage) {
        meters.counter("docmatrix.ingestion.documents", "outcome", "FAILED", "code", code, "tenant", tenant(document))
                .increment();
        return lifecycle.failed(document, worker, code, detail, stage) ? Result.FAILED : Result.LEASE_LOST;
    }

    private static ExtractedText extracted(ParseOutcome.Parsed parsed) {
        return new ExtractedText(
                parsed.text(),
                parsed.pages().stream()
                        .map(p -> new ExtractedText.PageRange(p.number(), p.start(), p.end()))
                        .toList());
    }

    // Each stage is both a histogram (dashboards, alerts) and a span (one document's trace shows where its time went).
    private <T, E extends Exception> T timed(String stage, TraceContinuation.Step<T, E> step) throws E {
        Timer.Sample sample = Timer.start(meters);
        try {
            return traces.span("ingestion." + stage, step);
        } finally {
            sample.stop(Timer.builder("docmatrix.ingestion.stage")
                    .description("Time per ingestion stage and document")
                    .tag("stage", stage)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }
}
