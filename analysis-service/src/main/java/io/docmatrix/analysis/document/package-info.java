/** The document as the analysis agents see it: a version's chunks with their texts, offsets, pages and vectors. */
@NullMarked
package io.docmatrix.analysis.document;

import org.jspecify.annotations.NullMarked;
