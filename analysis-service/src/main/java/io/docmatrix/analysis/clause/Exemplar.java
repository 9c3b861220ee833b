package io.docmatrix.analysis.clause;

/** A labelled example of a clause category with its vector (L2-normalised, in the chunk vectors' space). */
public record Exemplar(String category, float[] vector) {}
