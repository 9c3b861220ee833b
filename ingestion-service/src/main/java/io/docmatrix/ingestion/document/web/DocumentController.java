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
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

/**
 * Document status and chunks. Ids of another tenant's documents answer 404, exactly like ids that do not exist, so
 * a caller learns nothing about other tenants.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    private static final int DEFAULT_PAGE = 50;
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
