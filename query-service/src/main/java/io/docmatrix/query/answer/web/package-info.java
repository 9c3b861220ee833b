/** HTTP adapter of the answer feature: {@code POST /api/v1/query} and its server-sent-events variant. */
@NullMarked
package io.docmatrix.query.answer.web;

import org.jspecify.annotations.NullMarked;
