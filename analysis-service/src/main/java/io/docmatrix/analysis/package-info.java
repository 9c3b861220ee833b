/** The analysis-service application: its features live in sub-packages, cross-cutting wiring in {@code config}. */
@NullMarked
package io.docmatrix.analysis;

import org.jspecify.annotations.NullMarked;
