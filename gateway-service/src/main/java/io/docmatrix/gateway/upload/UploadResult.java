package io.docmatrix.gateway.upload;

import java.util.UUID;

/**
 * What the intake decided.
 *
 * @param duplicate true when the bytes were already uploaded and the existing document is returned
 * @param replayed true when an earlier request with the same Idempotency-Key produced this answer
 */
public record UploadResult(UUID documentId, int version, String contentType, boolean duplicate, boolean replayed) {}
