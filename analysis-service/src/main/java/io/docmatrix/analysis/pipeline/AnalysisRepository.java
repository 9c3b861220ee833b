package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.clause.DocumentKind;
import io.docmatrix.analysis.playbook.PlaybookRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Analysis runs: the work queue and the stored results; every read is confined to one tenant. */
public interface AnalysisRepository {

    UUID enqueue(
            UUID tenantId,
            UUID documentId,
            int version,
            String trigger,
            @Nullable String playbookId,
            @Nullable String requestedBy);

    /** Claims the oldest due PENDING analysis with SKIP LOCKED, so any number of workers share the queue. */
    Optional<ClaimedAnalysis> claimNext(String owner, Duration lease);

    boolean renewLease(UUID id, String owner, Duration lease);

    boolean complete(UUID id, String owner, PlaybookRef playbook, DocumentKind kind, AnalysisResult result);

    /** Fails a RUNNING analysis held by {@code owner}; false if the lease was lost meanwhile. */
    boolean fail(UUID id, String owner, String code, String detail);

    /** Puts a RUNNING analysis back in the queue, due after {@code delay}. */
    boolean retryLater(UUID id, String owner, Duration delay);

    /** Records an analysis that failed before it could run (e.g. its chunks never completed). */
    UUID failed(UUID tenantId, UUID documentId, int version, String code, String detail);

    /**
     * Returns analyses whose lease expired to the queue, and fails those that used up their attempts.
     *
     * @return the analyses it failed, for their AnalysisFailed events
     */
    List<ClaimedAnalysis> expireLeases(int maxAttempts, String code, String detail);

    Optional<StoredAnalysis> find(UUID tenantId, UUID analysisId);

    /** The latest analysis of a version, whatever its status. */
    Optional<StoredAnalysis> latest(UUID tenantId, UUID documentId, int version);

    /** The latest COMPLETED analysis of a version. */
    Optional<StoredAnalysis> latestCompleted(UUID tenantId, UUID documentId, int version);

    /** The highest version of the document that has any analysis. */
    Optional<Integer> latestVersion(UUID tenantId, UUID documentId);

    void purge(UUID tenantId, UUID documentId);
}
