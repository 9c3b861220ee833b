package io.docmatrix.analysis.playbook;

/** Which playbook version an analysis applied. */
public record PlaybookRef(String id, int version) {}
