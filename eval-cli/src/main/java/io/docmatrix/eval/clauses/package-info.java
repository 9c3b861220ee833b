/**
 * Issue 6, the {@code clauses} command: clause presence per contract and span recall per CUAD category, with learned
 * exemplars taken only from the other fold of a stable two-fold split, so no evaluated contract was learned from.
 */
@NullMarked
package io.docmatrix.eval.clauses;

import org.jspecify.annotations.NullMarked;
