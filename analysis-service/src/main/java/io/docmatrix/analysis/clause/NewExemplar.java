package io.docmatrix.analysis.clause;

/** An exemplar to learn: the category, the text as sent and the vector of (the part of) it the model read. */
public record NewExemplar(String category, String text, float[] vector) {}
