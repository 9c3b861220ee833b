/**
 * The language-model adapter of the answer feature: an OpenAI-compatible chat endpoint through Spring AI, wrapped in
 * a per-attempt timeout, retries and a circuit breaker (Resilience4j) so that a slow or failing model turns into an
 * extractive answer instead of a slow or failed request.
 */
@NullMarked
package io.docmatrix.query.answer.llm;

import org.jspecify.annotations.NullMarked;
