package io.docmatrix.bench.corpus;

/** A question whose answer lies in the document uploaded as {@code documentName}. */
public record LabelledQuestion(String question, String documentName) {}
