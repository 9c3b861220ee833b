/** {@code POST /api/v1/search} and the request shape that {@code /api/v1/query} reuses. */
@NullMarked
package io.docmatrix.query.retrieval.web;

import org.jspecify.annotations.NullMarked;
