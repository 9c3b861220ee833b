/** Blob store adapters: a directory on the local file system, a bucket of an S3-compatible store, and the router between them. */
@NullMarked
package io.docmatrix.ingestion.blob.persistence;

import org.jspecify.annotations.NullMarked;
