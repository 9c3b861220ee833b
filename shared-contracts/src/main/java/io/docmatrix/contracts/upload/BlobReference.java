package io.docmatrix.contracts.upload;

import java.util.Objects;

/**
 * Where the bytes of one document version are stored. Readers resolve it against their own blob-store configuration;
 * the reference carries no credentials and no host names.
 *
 * @param store the kind of store: {@value #FILESYSTEM} or {@value #S3}; readers reject stores they do not support
 * @param key the location inside the store: a path relative to the blob root for {@value #FILESYSTEM}, an object key in
 *     the configured bucket for {@value #S3}
 */
public record BlobReference(String store, String key) {

    /** A store on a local or mounted file system. */
    public static final String FILESYSTEM = "filesystem";

    /** An S3-compatible object store. */
    public static final String S3 = "s3";

    public BlobReference {
        Objects.requireNonNull(store, "store must not be null");
        Objects.requireNonNull(key, "key must not be null");
        if (store.isBlank()) {
            throw new IllegalArgumentException("store must not be blank");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
    }
}
