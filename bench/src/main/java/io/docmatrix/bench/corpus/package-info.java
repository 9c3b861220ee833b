/** Benchmark corpora: the evaluation folders when present and synthetic contracts, questions and vectors generated reproducibly from a seed. */
@NullMarked
package io.docmatrix.bench.corpus;

import org.jspecify.annotations.NullMarked;
