package io.docmatrix.analysis.clause;

/** A clause text labelled with its CUAD category, before it is embedded. */
public record ExemplarText(String category, String text) {}
