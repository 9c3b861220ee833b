/**
 * Reading and removing the original files the gateway stored (the claim check). Blob keys come from events and are
 * never trusted as paths: a key that would leave the store's root is refused.
 */
@NullMarked
package io.docmatrix.ingestion.blob;

import org.jspecify.annotations.NullMarked;
