/** The ingestion-service application: its features live in sub-packages, cross-cutting wiring in {@code config}. */
@NullMarked
package io.docmatrix.ingestion;

import org.jspecify.annotations.NullMarked;
