package io.docmatrix.query.answer;

/**
 * Why an answer is extractive although a language model is configured.
 *
 * @param reason {@code LLM_TIMEOUT}, {@code LLM_UNAVAILABLE}, {@code LLM_CIRCUIT_OPEN} or {@code LLM_UNGROUNDED} (no
 *     sentence of the model's answer was supported by its citations)
 */
public record Fallback(String reason) {}
