package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.playbook.PlaybookRef;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One analysis run as stored; the result exists once it COMPLETED, the error once it FAILED. */
public record StoredAnalysis(
        UUID id,
        UUID tenantId,
        UUID documentId,
        int version,
        AnalysisStatus status,
        @Nullable PlaybookRef playbook,
        @Nullable AnalysisResult result,
        @Nullable String errorCode,
        @Nullable String errorDetail,
        Instant requestedAt,
        @Nullable Instant finishedAt) {}
