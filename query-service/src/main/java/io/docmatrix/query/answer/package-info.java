/**
 * Answers with citations: an extractive composer that needs no external service, an optional grounded LLM path with
 * fallback, conversations that resolve follow-up questions, and a per-tenant answer cache invalidated by corpus
 * changes. Every quote in an answer is checked to occur verbatim in the chunk it cites.
 */
@NullMarked
package io.docmatrix.query.answer;

import org.jspecify.annotations.NullMarked;
