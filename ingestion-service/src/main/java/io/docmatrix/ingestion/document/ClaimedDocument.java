package io.docmatrix.ingestion.document;

import io.docmatrix.contracts.upload.BlobReference;
import java.util.UUID;

/** A document version a worker claimed to process, with what it needs to fetch and parse the file. */
public record ClaimedDocument(
        UUID id,
        int version,
        UUID tenantId,
        String filename,
        String contentType,
        long sizeBytes,
        BlobReference blob,
        int attempt) {}
