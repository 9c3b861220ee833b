/**
 * Pure scoring: span overlap, ranked-retrieval metrics, SQuAD-style answer scores, presence classification metrics,
 * latency percentiles and the stable hash that splits and samples data sets. No I/O, so every figure is unit-tested.
 */
@NullMarked
package io.docmatrix.eval.scoring;

import org.jspecify.annotations.NullMarked;
