package io.docmatrix.gateway.upload.persistence;

import io.docmatrix.blob.ObjectStoreException;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.gateway.upload.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blobs as objects in one bucket of an S3-compatible store, for clusters without a shared volume. Uploads are staged
 * on local disk exactly as for the file-system store (streamed, hashed, counted, never whole in memory); committing
 * uploads the staged file with its length known and then drops the local copy. The intake commits inside its
 * transaction, so an event never names an object that was not written, and deletes the object again on rollback.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3ObjectStore objects;
    private final LocalStaging staging;

    public S3BlobStore(S3ObjectStore objects, Path stagingDirectory) {
        this.objects = objects;
        this.staging = new LocalStaging(stagingDirectory);
    }

    @Override
    public Mono<StagedBlob> stage(Flux<DataBuffer> content, long maxBytes) {
        return staging.stage(content, maxBytes);
    }

    /** Fails with an {@link ObjectStoreException} (an I/O exception: the intake answers 503) when the store is down. */
    @Override
    public BlobReference commit(StagedBlob staged, String key) throws IOException {
        objects.putFile(key, staged.file());
        staging.discard(staged);
        return new BlobReference(BlobReference.S3, key);
    }

    @Override
    public void discard(StagedBlob staged) {
        staging.discard(staged);
    }

    @Override
    public void delete(BlobReference blob) {
        if (!BlobReference.S3.equals(blob.store())) {
            log.warn("Not deleting blob {} of store {}: this gateway writes to S3", blob.key(), blob.store());
            return;
        }
        try {
            objects.delete(blob.key());
        } catch (ObjectStoreException e) {
            // Only reached for a rolled-back upload: an orphaned object is never referenced, a bucket lifecycle rule
            // or a sweep can remove it.
            log.warn("Could not delete orphaned blob {}: {}", blob.key(), e.getMessage());
        }
    }

    @Override
    public void close() {
        objects.close();
    }
}
