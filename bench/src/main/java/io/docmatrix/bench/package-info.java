/**
 * The benchmark harness: one bounded command ({@link io.docmatrix.bench.BenchCommand}) that measures the local platform
 * through its gateway against its ceilings and a single-process peer, and writes the figures and a report.
 */
@NullMarked
package io.docmatrix.bench;

import org.jspecify.annotations.NullMarked;
