package io.docmatrix.ingestion.document.web;

import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore;
import io.docmatrix.ingestion.document.Cursors;
import io.docmatrix.ingestion.document.DocumentLifecycle;
import io.docmatrix.ingestion.document.DocumentQueries;
import io.docmatrix.ingestion.document.DocumentStatus;
import io.docmatrix.ingestion.document.DocumentVersion;
import io.docmatrix.ingestion.document.Page;
import io.docmatrix.ingestion.document.StoredChunk;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.web.ApiProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Document status and chunks. Ids of another tenant's documents answer 404, exactly like ids that do not exist, so
 * a caller learns nothing about other tenants.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    private static final int DEFAULT_PAGE = 50;
    private static final Duration PROGRESS_STREAM_LIMIT = Duration.ofMinutes(10);
    // One small poller for every open progress stream: streams are few and each poll is one indexed read.
    private static final ScheduledExecutorService PROGRESS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "document-progress");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MAX_PAGE = 200;

    private final DocumentQueries documents;
    private final DocumentLifecycle lifecycle;
    private final BlobStore blobs;

    DocumentController(DocumentQueries documents, DocumentLifecycle lifecycle, BlobStore blobs) {
        this.documents = documents;
        this.lifecycle = lifecycle;
        this.blobs = blobs;
    }

    /** Deletes every version; read models purge it when they see DocumentDeleted. Blobs go once the delete committed. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CallerIdentity caller, @PathVariable UUID id) {
        if (!caller.hasAnyRole("ADMIN")) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only administrators delete documents.");
        }
        List<BlobReference> removed = lifecycle
                .delete(caller.tenantId(), id, caller.subject())
                .orElseThrow(() -> ApiProblem.notFound("Document"));
        removed.forEach(blobs::delete);
        return ResponseEntity.noContent().build();
    }

    /** Parses, chunks and embeds the latest version again (e.g. after a parser upgrade); its chunk ids stay the same. */
    @PostMapping("/{id}/reprocess")
    ResponseEntity<DocumentView> reprocess(CallerIdentity caller, @PathVariable UUID id) {
        if (!caller.hasAnyRole("ANALYST", "ADMIN")) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "This role may not reprocess documents.");
        }
        DocumentVersion latest =
                documents.latest(caller.tenantId(), id).orElseThrow(() -> ApiProblem.notFound("Document"));
        if (!lifecycle.requeue(caller.tenantId(), id)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "DOCUMENT_IN_PROGRESS",
                    "The document is still being processed (" + latest.status() + "); reprocess it once it is final.");
        }
        return ResponseEntity.accepted()
                .body(DocumentView.of(documents.latest(caller.tenantId(), id).orElse(latest), null));
    }

    @GetMapping("/{id}")
    DocumentView document(CallerIdentity caller, @PathVariable UUID id) {
        requireReader(caller);
        List<DocumentVersion> versions = documents.versions(caller.tenantId(), id);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("Document");
        }
        return DocumentView.of(versions.get(0), versions);
    }

    /**
     * Server-sent events of a document's progress for clients that show a progress bar: one {@code status} event per
     * change (the document as {@link #document} returns it), ending once it is READY or FAILED or after ten minutes.
     */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(CallerIdentity caller, @PathVariable UUID id) {
        requireReader(caller);
        if (documents.latest(caller.tenantId(), id).isEmpty()) {
            throw ApiProblem.notFound("Document");
        }
        SseEmitter emitter = new SseEmitter(PROGRESS_STREAM_LIMIT.toMillis());
        AtomicReference<String> lastSent = new AtomicReference<>("");
        ScheduledFuture<?> poll = PROGRESS.scheduleWithFixedDelay(
                () -> sendProgress(emitter, caller.tenantId(), id, lastSent), 0, 500, TimeUnit.MILLISECONDS);
        emitter.onCompletion(() -> poll.cancel(false));
        emitter.onTimeout(() -> poll.cancel(false));
        emitter.onError(e -> poll.cancel(false));
        return emitter;
    }

    private void sendProgress(SseEmitter emitter, UUID tenant, UUID id, AtomicReference<String> lastSent) {
        try {
            List<DocumentVersion> versions = documents.versions(tenant, id);
            if (versions.isEmpty()) {
                emitter.complete();
                return;
            }
            DocumentVersion latest = versions.get(0);
            String state = latest.version() + ":" + latest.status();
            if (!state.equals(lastSent.getAndSet(state))) {
                emitter.send(SseEmitter.event().name("status").data(DocumentView.of(latest, null)));
            }
            if (latest.status().isFinal()) {
                emitter.complete();
            }
        } catch (IOException | RuntimeException e) {
            // The client went away (or the database did); the stream ends, the client can reconnect.
            emitter.completeWithError(e);
        }
    }

    @GetMapping
    PageView<DocumentView> list(
            CallerIdentity caller,
            @RequestParam(required = false) @Nullable DocumentStatus status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        requireReader(caller);
        Page<DocumentVersion> page = documents.list(caller.tenantId(), status, pageSize(limit), cursor);
        return new PageView<>(
                page.items().stream().map(d -> DocumentView.of(d, null)).toList(), page.nextCursor());
    }

    @GetMapping("/{id}/chunks")
    PageView<ChunkView> chunks(
            CallerIdentity caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        requireReader(caller);
        List<DocumentVersion> versions = documents.versions(caller.tenantId(), id);
        DocumentVersion chosen = versions.stream()
                .filter(v -> version == null || v.version() == version)
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Document version"));
        Page<StoredChunk> page = documents.chunks(caller.tenantId(), id, chosen.version(), pageSize(limit), cursor);
        return new PageView<>(page.items().stream().map(ChunkView::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}/chunks/{chunkId}")
    ChunkView chunk(CallerIdentity caller, @PathVariable UUID id, @PathVariable UUID chunkId) {
        requireReader(caller);
        return documents
                .chunk(caller.tenantId(), id, chunkId)
                .map(ChunkView::of)
                .orElseThrow(() -> ApiProblem.notFound("Chunk"));
    }

    @ExceptionHandler(Cursors.InvalidCursorException.class)
    ResponseEntity<ProblemDetail> invalidCursor() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The cursor is not one this service issued.");
        problem.setProperty("code", "INVALID_CURSOR");
        return ResponseEntity.badRequest().body(problem);
    }

    private static int pageSize(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "INVALID_LIMIT", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        return limit;
    }

    // The gateway enforces roles too; this is the service's own line of defence.
    private static void requireReader(CallerIdentity caller) {
        if (!caller.hasAnyRole("VIEWER", "ANALYST", "ADMIN")) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "This role may not read documents.");
        }
    }

    /** A page of items and the cursor of the next page, null on the last one. */
    record PageView<T>(List<T> items, @Nullable String nextCursor) {}

    /** The JSON shape of a chunk. */
    record ChunkView(
            UUID chunkId,
            UUID documentId,
            int version,
            int ordinal,
            String text,
            int page,
            int pageEnd,
            int start,
            int end,
            List<String> headingPath,
            int tokenCount,
            String embeddingModel) {

        static ChunkView of(StoredChunk c) {
            return new ChunkView(
                    c.id(),
                    c.documentId(),
                    c.version(),
                    c.ordinal(),
                    c.text(),
                    c.page(),
                    c.pageEnd(),
                    c.start(),
                    c.end(),
                    c.headingPath(),
                    c.tokenCount(),
                    c.embeddingModel());
        }
    }
}
