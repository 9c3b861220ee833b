package io.docmatrix.ingestion.blob.persistence;

import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore;
import java.util.Map;

/**
 * Reads each blob from the store its reference names, so documents uploaded before a switch from the file system to
 * S3 stay readable (and deletable). A reference naming a store this service has not configured fails for good.
 */
public final class StoreRoutingBlobStore implements BlobStore, AutoCloseable {

    private final Map<String, BlobStore> stores;

    /** @param stores keyed by {@link BlobReference#store()} */
    public StoreRoutingBlobStore(Map<String, BlobStore> stores) {
        this.stores = Map.copyOf(stores);
    }

    @Override
    public byte[] read(BlobReference blob) throws BlobUnavailableException {
        BlobStore store = stores.get(blob.store());
        if (store == null) {
            throw new BlobUnavailableException("blob store " + blob.store() + " is not configured here", false, null);
        }
        return store.read(blob);
    }

    @Override
    public void delete(BlobReference blob) {
        BlobStore store = stores.get(blob.store());
        if (store != null) {
            store.delete(blob);
        }
    }

    @Override
    public void close() throws Exception {
        for (BlobStore store : stores.values()) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
