package io.docmatrix.contracts.analysis;

import java.util.Objects;

/**
 * One issue an analysis raised, summarised; the evidence stays in analysis-service.
 *
 * @param code the playbook rule that raised it, stable across runs, e.g. {@code UNCAPPED_LIABILITY}
 * @param severity how serious the issue is
 * @param title a one-line human description
 */
public record FindingSummary(String code, Severity severity, String title) {

    public FindingSummary {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(title, "title must not be null");
    }
}
