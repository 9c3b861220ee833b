/** Candidate searches in PostgreSQL: HNSW cosine and full text, tenant-bound by row-level security. */
@NullMarked
package io.docmatrix.query.retrieval.persistence;

import org.jspecify.annotations.NullMarked;
