package io.docmatrix.analysis.pipeline;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An analysis a worker holds under a lease; {@code playbookId} null means the tenant's default playbook,
 * {@code traceparent} is the trace of the operation that queued it (null if none), resumed by the worker.
 */
public record ClaimedAnalysis(
        UUID id,
        UUID tenantId,
        UUID documentId,
        int version,
        int attempts,
        @Nullable String playbookId,
        @Nullable String traceparent) {}
