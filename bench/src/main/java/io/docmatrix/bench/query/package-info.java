/** Query load: chunk events seeded through the real projection, then closed-loop clients against search and query. */
@NullMarked
package io.docmatrix.bench.query;

import org.jspecify.annotations.NullMarked;
