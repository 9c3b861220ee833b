package io.docmatrix.analysis.pipeline;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An analysis a worker holds under a lease; {@code playbookId} null means the tenant's default playbook. */
public record ClaimedAnalysis(
        UUID id, UUID tenantId, UUID documentId, int version, int attempts, @Nullable String playbookId) {}
