package io.docmatrix.gateway.upload;

import io.docmatrix.contracts.upload.BlobReference;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where uploaded bytes live (the claim check). An upload is first staged while it streams in, so its size, hash and
 * real type are known before anything is accepted; only an accepted upload is moved to its final key.
 */
public interface BlobStore {

    /**
     * Streams the content to a staging area, hashing and counting it; fails with {@link TooLargeException} as soon as
     * more than {@code maxBytes} arrived, without reading the rest into memory.
     */
    Mono<StagedBlob> stage(Flux<DataBuffer> content, long maxBytes);

    /** Makes a staged blob permanent under {@code key}. */
    BlobReference commit(StagedBlob staged, String key) throws IOException;

    /** Drops a staged blob that was not accepted. */
    void discard(StagedBlob staged);

    /** Removes a committed blob (e.g. when the transaction that referenced it rolled back). */
    void delete(BlobReference blob);

    /** A fully received upload waiting for a decision; {@code file} is readable for type detection. */
    record StagedBlob(Path file, long sizeBytes, String sha256) {}

    /** The content exceeded the size limit. */
    final class TooLargeException extends RuntimeException {
        public TooLargeException(long maxBytes) {
            super("the file is larger than " + maxBytes + " bytes");
        }
    }
}
