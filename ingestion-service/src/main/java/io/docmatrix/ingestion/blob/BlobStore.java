package io.docmatrix.ingestion.blob;

import io.docmatrix.contracts.upload.BlobReference;

/** The original files, addressed by the reference the upload event carried. */
public interface BlobStore {

    /** The whole file; the caller has checked its size against the limit before. */
    byte[] read(BlobReference blob) throws BlobUnavailableException;

    /** Removes the file; removing a file that is already gone is not an error. */
    void delete(BlobReference blob);

    /** The blob could not be read: missing, refused, or the store is down (the message says which). */
    final class BlobUnavailableException extends Exception {
        private final boolean transientFailure;

        public BlobUnavailableException(String message, boolean transientFailure, Throwable cause) {
            super(message, cause);
            this.transientFailure = transientFailure;
        }

        /** True when retrying later may succeed (an I/O error), false when it never will (missing, bad key). */
        public boolean transientFailure() {
            return transientFailure;
        }
    }
}
