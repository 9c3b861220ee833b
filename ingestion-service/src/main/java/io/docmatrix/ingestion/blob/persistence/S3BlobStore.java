package io.docmatrix.ingestion.blob.persistence;

import io.docmatrix.blob.BlobKeys;
import io.docmatrix.blob.ObjectStoreException;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as objects in the bucket the gateway's S3 store writes to. A missing object or a key breaking the rules fails
 * the document for good; a store that is down or refusing us is transient, so the document waits for a later attempt.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3ObjectStore objects;

    public S3BlobStore(S3ObjectStore objects) {
        this.objects = objects;
    }

    @Override
    public byte[] read(BlobReference blob) throws BlobUnavailableException {
        requireS3(blob);
        try {
            return objects.read(blob.key());
        } catch (BlobKeys.InvalidBlobKeyException e) {
            throw new BlobUnavailableException(e.getMessage(), false, e);
        } catch (ObjectStoreException.NotFound e) {
            throw new BlobUnavailableException("blob " + blob.key() + " does not exist", false, e);
        } catch (ObjectStoreException e) {
            // Unavailable: down, too slow, throttling, refusing our credentials or the breaker is open.
            throw new BlobUnavailableException(e.getMessage(), true, e);
        }
    }

    @Override
    public void delete(BlobReference blob) {
        try {
            requireS3(blob);
            objects.delete(blob.key());
        } catch (BlobUnavailableException | ObjectStoreException | IllegalArgumentException e) {
            // The document is gone either way; an orphaned object is never referenced again.
            log.warn("Could not delete blob {}: {}", blob.key(), e.getMessage());
        }
    }

    private static void requireS3(BlobReference blob) throws BlobUnavailableException {
        if (!BlobReference.S3.equals(blob.store())) {
            throw new BlobUnavailableException("blob store " + blob.store() + " is not this S3 store", false, null);
        }
    }

    @Override
    public void close() {
        objects.close();
    }
}
