package io.docmatrix.analysis.playbook;

/** What the playbook expects of a clause category. */
public enum Position {
    /** The contract must contain it; its absence is a finding. */
    REQUIRED,
    /** The contract must not contain it; its presence is a finding. */
    PROHIBITED,
    /** Reported when present, neither required nor forbidden. */
    OPTIONAL
}
