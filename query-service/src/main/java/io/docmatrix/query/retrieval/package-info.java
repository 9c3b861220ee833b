/**
 * Hybrid retrieval over the read store: the question embedded in-process, vector and full-text candidates of the
 * caller's tenant fused by reciprocal rank. Its public types are the contract with the answer feature.
 */
@NullMarked
package io.docmatrix.query.retrieval;

import org.jspecify.annotations.NullMarked;
