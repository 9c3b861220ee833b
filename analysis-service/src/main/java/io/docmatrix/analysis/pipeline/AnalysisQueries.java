package io.docmatrix.analysis.pipeline;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reads the analysis of a document version for the API, confined to the caller's tenant. */
@Service
public class AnalysisQueries {

    private final AnalysisRepository analyses;
    private final StagingRepository staging;

    public AnalysisQueries(AnalysisRepository analyses, StagingRepository staging) {
        this.analyses = analyses;
        this.staging = staging;
    }

    /** What the API can say about a document version. */
    public sealed interface Lookup {}

    /** The latest analysis run of the version, in whatever status. */
    public record Found(StoredAnalysis analysis) implements Lookup {}

    /** The version is known but its chunks are still arriving, so no analysis exists yet. */
    public record Waiting(UUID documentId, @Nullable Integer version) implements Lookup {}

    /** The version was indexed while the tenant's automatic analysis was off: it has no analysis and never will. */
    public record NotAnalysed(UUID documentId, int version) implements Lookup {}

    /** The latest version when {@code version} is null; empty when the tenant has no such document (version). */
    public Optional<Lookup> find(UUID tenantId, UUID documentId, @Nullable Integer version) {
        Optional<Integer> target = version != null ? Optional.of(version) : latestVersion(tenantId, documentId);
        if (target.isPresent()) {
            Optional<StoredAnalysis> latest = analyses.latest(tenantId, documentId, target.get());
            if (latest.isPresent()) {
                return Optional.of(new Found(latest.get()));
            }
            return staging.state(tenantId, documentId, target.get())
                    .map(state -> state.equals("SKIPPED")
                            ? new NotAnalysed(documentId, target.get())
                            : new Waiting(documentId, target.get()));
        }
        return Optional.empty();
    }

    /**
     * The newest version either side knows: a new version whose chunks are still arriving is the latest one (202),
     * not the previous version's finished analysis.
     */
    private Optional<Integer> latestVersion(UUID tenantId, UUID documentId) {
        Optional<Integer> analysed = analyses.latestVersion(tenantId, documentId);
        OptionalInt staged = staging.latestVersion(tenantId, documentId);
        if (staged.isEmpty()) {
            return analysed;
        }
        return Optional.of(Math.max(staged.getAsInt(), analysed.orElse(0)));
    }
}
