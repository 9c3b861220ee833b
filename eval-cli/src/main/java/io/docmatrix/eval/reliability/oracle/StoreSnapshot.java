package io.docmatrix.eval.reliability.oracle;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the stores hold for the run's tenants, read after convergence. Every map is keyed by document version.
 *
 * @param gatewayUploads upload rows of the gateway, with the tenant each belongs to
 * @param ingestion ingestion's document rows
 * @param ingestionChunks ingestion's chunk rows per version
 * @param queryVersions query-service's document_version rows (read under each run tenant's row-level security)
 * @param queryChunks query-service's chunk rows per version
 * @param analyses analysis-service's analyses triggered by indexing, per version
 * @param visibleToOtherTenant ledger documents query-service showed while reading as another of the run's tenants
 */
public record StoreSnapshot(
        Map<VersionKey, UUID> gatewayUploads,
        Map<VersionKey, IngestedVersion> ingestion,
        Map<VersionKey, ChunkSet> ingestionChunks,
        Map<VersionKey, QueryVersion> queryVersions,
        Map<VersionKey, ChunkSet> queryChunks,
        Map<VersionKey, AnalysisSet> analyses,
        Set<UUID> visibleToOtherTenant) {

    /** @param errorCode set when FAILED: a failure without a stable code counts as lost */
    public record IngestedVersion(
            UUID tenantId, String status, @Nullable String errorCode, @Nullable Integer chunkCount) {}

    /**
     * @param rows chunk rows
     * @param distinctOrdinals distinct ordinals among them (rows above it are a second chunk set)
     * @param vectors rows with an embedding
     */
    public record ChunkSet(UUID tenantId, long rows, long distinctOrdinals, long vectors) {}

    public record QueryVersion(UUID tenantId, String status, @Nullable Integer expectedChunks) {}

    /**
     * @param count analyses with trigger INDEXED (more than one is a duplicate)
     * @param unfinished of them PENDING or RUNNING
     * @param completedOrFailedWithCode of them COMPLETED, or FAILED with an error code
     */
    public record AnalysisSet(UUID tenantId, long count, long unfinished, long completedOrFailedWithCode) {}
}
