/** Staged chunks, the analysis queue and stored results in PostgreSQL; every statement filters by tenant. */
@NullMarked
package io.docmatrix.analysis.pipeline.persistence;

import org.jspecify.annotations.NullMarked;
