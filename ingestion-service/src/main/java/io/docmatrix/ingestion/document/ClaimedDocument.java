package io.docmatrix.ingestion.document;

import io.docmatrix.contracts.upload.BlobReference;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document version a worker claimed to process, with what it needs to fetch and parse the file.
 *
 * @param traceparent the W3C trace context of the upload event that queued it, resumed by the worker; null if none
 */
public record ClaimedDocument(
        UUID id,
        int version,
        UUID tenantId,
        String filename,
        String contentType,
        long sizeBytes,
        BlobReference blob,
        int attempt,
        @Nullable String traceparent) {}
