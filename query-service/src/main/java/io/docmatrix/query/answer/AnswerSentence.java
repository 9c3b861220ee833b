package io.docmatrix.query.answer;

/**
 * One sentence of an answer and the index of its citation in {@link Answer#citations()}.
 *
 * @param text the sentence as shown (extractive: the quote itself; LLM: the model's sentence)
 */
public record AnswerSentence(String text, int citation) {}
