package io.docmatrix.contracts.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A playbook analysis of a document version finished. It summarises what was found; a later analysis of the same
 * version with the same playbook supersedes this one.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the analysis finished (UTC)
 * @param documentId the analysed document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version analysed, starting at 1
 * @param analysisId the analysis run
 * @param playbookId the playbook applied, e.g. {@code nda-standard}
 * @param playbookVersion the version of that playbook, from 1
 * @param riskScore overall risk from 0 (none found) to 100 (severe), higher is riskier
 * @param clauses the clause categories the analysis looked for, possibly empty
 * @param findings the issues raised, most severe first, possibly empty
 */
public record AnalysisCompleted(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        UUID analysisId,
        String playbookId,
        int playbookVersion,
        double riskScore,
        List<ClauseSummary> clauses,
        List<FindingSummary> findings)
        implements AnalysisEvent {

    public AnalysisCompleted {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        Objects.requireNonNull(analysisId, "analysisId must not be null");
        Objects.requireNonNull(playbookId, "playbookId must not be null");
        if (playbookVersion < 1) {
            throw new IllegalArgumentException("playbookVersion must be at least 1 but was " + playbookVersion);
        }
        if (!(riskScore >= 0 && riskScore <= 100)) {
            throw new IllegalArgumentException("riskScore must be between 0 and 100 but was " + riskScore);
        }
        // Absent in JSON reads as empty, like every list in the contracts.
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
