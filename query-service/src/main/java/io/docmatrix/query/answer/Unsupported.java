package io.docmatrix.query.answer;

/**
 * A sentence the model wrote that was dropped because its citation does not support it.
 *
 * @param reason {@code NO_CITATION}, {@code UNKNOWN_SOURCE}, {@code QUOTE_NOT_IN_SOURCE} or {@code NOT_SUPPORTED}
 */
public record Unsupported(String text, String reason) {}
