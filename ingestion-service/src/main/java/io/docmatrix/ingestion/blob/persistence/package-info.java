/** Blob store adapters: a directory on the local file system. */
@NullMarked
package io.docmatrix.ingestion.blob.persistence;

import org.jspecify.annotations.NullMarked;
