/**
 * The documents ingestion is responsible for: one record per uploaded version with its status lifecycle (RECEIVED,
 * PARSING, EMBEDDING, READY or FAILED with a stable error code), the counts and timestamps per stage, and the chunks
 * it produced. Every read is confined to the caller's tenant.
 */
@NullMarked
package io.docmatrix.ingestion.document;

import org.jspecify.annotations.NullMarked;
