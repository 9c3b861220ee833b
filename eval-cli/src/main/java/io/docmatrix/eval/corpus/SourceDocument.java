package io.docmatrix.eval.corpus;

/**
 * A document of a data set as the evaluator uploads it: {@code key} is the data set's id (sent as {@code externalId}),
 * {@code text} the exact file content (uploaded as UTF-8 {@code .txt}), whose indices gold spans use.
 */
public record SourceDocument(String key, String title, String filename, String text, String collection) {}
