package io.docmatrix.contracts.analysis;

/**
 * How serious a finding is, from least to most. A closed set in v1: a new value would break consumers that switch over
 * it, so it needs a new major version.
 */
public enum Severity {
    /** Worth knowing, no action needed. */
    INFO,
    /** Minor deviation from the playbook. */
    LOW,
    /** Deviation a reviewer should look at. */
    MEDIUM,
    /** Deviation that needs a change before signing. */
    HIGH,
    /** Deviation that blocks signing. */
    CRITICAL
}
