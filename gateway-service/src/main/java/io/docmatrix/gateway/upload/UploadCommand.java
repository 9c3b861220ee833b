package io.docmatrix.gateway.upload;

import io.docmatrix.contracts.upload.DocumentMetadata;
import org.jspecify.annotations.Nullable;

/**
 * One upload as the client sent it, after the cheap checks.
 *
 * @param filename the normalised display name
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 */
public record UploadCommand(String filename, DocumentMetadata metadata, @Nullable String idempotencyKey) {}
