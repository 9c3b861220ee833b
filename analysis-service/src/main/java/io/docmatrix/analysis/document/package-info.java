/** The document as the agents see it: a complete version with every chunk, its text, offsets and vector. */
@NullMarked
package io.docmatrix.analysis.document;

import org.jspecify.annotations.NullMarked;
