/** Retrieval over the read store: the search request, the chunks it finds, and the corpus-change signal. */
@NullMarked
package io.docmatrix.query.retrieval;

import org.jspecify.annotations.NullMarked;
