/** The query-service application: its features live in sub-packages, cross-cutting wiring in {@code config}. */
@NullMarked
package io.docmatrix.query;

import org.jspecify.annotations.NullMarked;
