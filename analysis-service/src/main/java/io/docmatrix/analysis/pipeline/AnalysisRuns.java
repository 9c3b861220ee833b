package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.contracts.analysis.AnalysisCompleted;
import io.docmatrix.contracts.analysis.AnalysisFailed;
import io.docmatrix.contracts.analysis.ClauseSummary;
import io.docmatrix.contracts.analysis.FindingSummary;
import io.docmatrix.runtime.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of analysis runs. Each outcome is stored and its event appended to the outbox in one transaction,
 * so an analysis is never COMPLETED or FAILED without its event, nor announced without being stored.
 */
@Service
public class AnalysisRuns {

    static final String INCOMPLETE_DETAIL = "Not all chunks of the document arrived in time; analysis is not possible.";

    private final AnalysisRepository analyses;
    private final StagingRepository staging;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AnalysisRuns(AnalysisRepository analyses, StagingRepository staging, OutboxWriter outbox) {
        this.analyses = analyses;
        this.staging = staging;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    public Optional<ClaimedAnalysis> claimNext(String worker, Duration lease) {
        return analyses.claimNext(worker, lease);
    }

    public boolean renewLease(ClaimedAnalysis claimed, String worker, Duration lease) {
        return analyses.renewLease(claimed.id(), worker, lease);
    }

    @Transactional
    public boolean complete(ClaimedAnalysis claimed, String worker, Playbook playbook, AnalysisResult result) {
        if (!analyses.complete(claimed.id(), worker, playbook.ref(), result.kind(), result)) {
            return false;
        }
        outbox.append(new AnalysisCompleted(
                UUID.randomUUID(),
                clock.instant(),
                claimed.documentId(),
                claimed.tenantId(),
                claimed.version(),
                claimed.id(),
                playbook.id(),
                playbook.version(),
                result.riskScore(),
                clauseSummaries(playbook, result.clauses()),
                result.findings().stream()
                        .map(f -> new FindingSummary(f.code(), f.severity(), f.title()))
                        .toList()));
        return true;
    }

    @Transactional
    public boolean fail(ClaimedAnalysis claimed, String worker, String code, String detail) {
        if (!analyses.fail(claimed.id(), worker, code, detail)) {
            return false;
        }
        outbox.append(
                failedEvent(claimed.tenantId(), claimed.documentId(), claimed.version(), claimed.id(), code, detail));
        return true;
    }

    public boolean retryLater(ClaimedAnalysis claimed, String worker, Duration delay) {
        return analyses.retryLater(claimed.id(), worker, delay);
    }

    /** Requeues analyses whose worker vanished; those out of attempts fail with ANALYSIS_ABANDONED. */
    @Transactional
    public int expireLeases(int maxAttempts) {
        String detail = "The analysis was interrupted too many times and was abandoned.";
        List<ClaimedAnalysis> abandoned = analyses.expireLeases(maxAttempts, "ANALYSIS_ABANDONED", detail);
        for (ClaimedAnalysis a : abandoned) {
            outbox.append(failedEvent(a.tenantId(), a.documentId(), a.version(), a.id(), "ANALYSIS_ABANDONED", detail));
        }
        return abandoned.size();
    }

    /** Fails the analysis of versions whose chunks did not all arrive within {@code timeout}. */
    @Transactional
    public List<VersionRef> failIncomplete(Duration timeout) {
        List<VersionRef> overdue = staging.giveUpWaiting(timeout);
        for (VersionRef v : overdue) {
            String detail = INCOMPLETE_DETAIL + " (" + v.staged() + " of "
                    + (v.expected() < 0 ? "an unknown number of" : Integer.toString(v.expected()))
                    + " chunks received)";
            UUID id = analyses.failed(v.tenantId(), v.documentId(), v.version(), "CHUNKS_INCOMPLETE", detail);
            outbox.append(failedEvent(v.tenantId(), v.documentId(), v.version(), id, "CHUNKS_INCOMPLETE", detail));
        }
        return overdue;
    }

    /** Fails the analysis of waiting versions of documents that had an unreadable chunk record. */
    @Transactional
    public List<VersionRef> failUnreadable() {
        List<VersionRef> broken = staging.giveUpUnreadable();
        for (VersionRef v : broken) {
            String detail = "A chunk of the document could not be read, so the document is incomplete (" + v.staged()
                    + " of " + v.expected() + " chunks received).";
            UUID id = analyses.failed(v.tenantId(), v.documentId(), v.version(), "CHUNK_UNREADABLE", detail);
            outbox.append(failedEvent(v.tenantId(), v.documentId(), v.version(), id, "CHUNK_UNREADABLE", detail));
        }
        return broken;
    }

    /**
     * Queues a new analysis of a complete version at the caller's request.
     *
     * @return empty if the version is unknown to the tenant
     * @throws VersionNotReadyException if its chunks are not complete yet
     */
    @Transactional
    public Optional<UUID> rerun(
            UUID tenantId, UUID documentId, @Nullable Integer version, @Nullable String playbookId, String by) {
        Integer target = version;
        if (target == null) {
            // The newest complete version; without one, the newest known version says why (still arriving, or
            // never staged because automatic analysis was off).
            OptionalInt latest = staging.latestCompleteVersion(tenantId, documentId);
            if (latest.isEmpty()) {
                latest = staging.latestVersion(tenantId, documentId);
            }
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            target = latest.getAsInt();
        }
        Optional<String> state = staging.state(tenantId, documentId, target);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (state.get().equals("SKIPPED")) {
            throw new VersionNotAnalysedException();
        }
        if (!state.get().equals("QUEUED")) {
            throw new VersionNotReadyException();
        }
        return Optional.of(analyses.enqueue(tenantId, documentId, target, "RERUN", playbookId, by));
    }

    /** The version's chunks are still arriving (or never all arrived): there is nothing complete to analyse. */
    public static final class VersionNotReadyException extends RuntimeException {
        VersionNotReadyException() {
            super("The document's chunks are not complete yet.");
        }
    }

    /** The version was indexed while the tenant's automatic analysis was off: its chunks were never staged. */
    public static final class VersionNotAnalysedException extends RuntimeException {
        VersionNotAnalysedException() {
            super("This version was indexed while automatic analysis was off for the tenant; reprocess the document"
                    + " to analyse it.");
        }
    }

    private AnalysisFailed failedEvent(
            UUID tenantId, UUID documentId, int version, UUID analysisId, String code, String detail) {
        return new AnalysisFailed(
                UUID.randomUUID(), clock.instant(), documentId, tenantId, version, analysisId, code, detail);
    }

    /** One summary per category the playbook names (count 0 when missing) plus any other category found. */
    static List<ClauseSummary> clauseSummaries(Playbook playbook, List<ClauseMatch> clauses) {
        Map<String, List<ClauseMatch>> byCategory = new LinkedHashMap<>();
        playbook.rules().forEach(r -> byCategory.put(Playbook.key(r.category()), new ArrayList<>()));
        Map<String, String> names = new LinkedHashMap<>();
        playbook.rules().forEach(r -> names.put(Playbook.key(r.category()), r.category()));
        for (ClauseMatch match : clauses) {
            String key = Playbook.key(match.category());
            names.putIfAbsent(key, match.category());
            byCategory.computeIfAbsent(key, k -> new ArrayList<>()).add(match);
        }
        List<ClauseSummary> summaries = new ArrayList<>();
        byCategory.forEach((key, matches) -> summaries.add(new ClauseSummary(
                names.get(key),
                matches.size(),
                matches.stream()
                        .mapToDouble(m -> clamp(m.confidence()))
                        .average()
                        .orElse(0))));
        return summaries;
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
