/**
 * Convergence: the pipeline has settled when every service's consumer group has no lag, every outbox is drained and
 * no document of the run is in a non-final state, for two samples in a row.
 */
@NullMarked
package io.docmatrix.eval.reliability.convergence;

import org.jspecify.annotations.NullMarked;
