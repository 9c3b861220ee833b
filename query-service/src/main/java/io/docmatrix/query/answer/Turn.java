package io.docmatrix.query.answer;

/** One earlier question and answer of a conversation. */
public record Turn(String question, String answer) {}
