package io.docmatrix.contracts.analysis;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A playbook analysis of a document version could not be completed; the document itself stays READY and searchable.
 *
 * @param eventId unique id of this event, for de-duplication
 * @param occurredAt when the analysis gave up (UTC)
 * @param documentId the document; the Kafka key
 * @param tenantId the tenant that owns the document
 * @param version the document version, starting at 1
 * @param analysisId the failed analysis run
 * @param errorCode a stable, machine-readable reason in upper snake case, e.g. {@code MODEL_UNAVAILABLE}, {@code
 *     PLAYBOOK_NOT_FOUND}; an open set, so readers treat unknown codes as a generic failure
 * @param detail a human-readable explanation safe to show to users (no stack traces, no internal host names)
 */
public record AnalysisFailed(
        UUID eventId,
        Instant occurredAt,
        UUID documentId,
        UUID tenantId,
        int version,
        UUID analysisId,
        String errorCode,
        String detail)
        implements AnalysisEvent {

    public AnalysisFailed {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(tenantId, "tenantId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        Objects.requireNonNull(analysisId, "analysisId must not be null");
        Objects.requireNonNull(errorCode, "errorCode must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
    }
}
