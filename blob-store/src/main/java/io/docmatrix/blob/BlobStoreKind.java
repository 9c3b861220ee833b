package io.docmatrix.blob;

/** Which store holds the blobs a service writes ({@code ...blobs.store}); the file system is the default. */
public enum BlobStoreKind {
    /** A directory on a local or shared file system: one machine, or a volume every replica mounts. */
    FILESYSTEM,
    /** A bucket of an S3-compatible object store: clusters without a shared volume. */
    S3
}
