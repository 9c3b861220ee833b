/**
 * Turning uploaded bytes into text with its structure (pages, headings, tables), under hard limits. Tika runs in a
 * supervised child JVM so that a runaway parser can be killed; the result is a {@link ParseOutcome}.
 */
@NullMarked
package io.docmatrix.ingestion.parsing;

import org.jspecify.annotations.NullMarked;
