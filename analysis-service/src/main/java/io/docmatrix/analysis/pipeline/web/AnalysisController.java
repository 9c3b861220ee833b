package io.docmatrix.analysis.pipeline.web;

import io.docmatrix.analysis.pipeline.AnalysisQueries;
import io.docmatrix.analysis.pipeline.AnalysisRuns;
import io.docmatrix.analysis.pipeline.AnalysisStatus;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.web.ApiProblem;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysis of a document. Another tenant's document answers 404 exactly like a missing one. An analysis still
 * waiting or running answers 202 with its status, so clients poll until 200.
 */
@RestController
@RequestMapping("/api/v1/documents/{id}/analysis")
class AnalysisController {

    private final AnalysisQueries queries;
    private final AnalysisRuns runs;

    AnalysisController(AnalysisQueries queries, AnalysisRuns runs) {
        this.queries = queries;
        this.runs = runs;
    }

    @GetMapping
    ResponseEntity<AnalysisView> get(
            CallerIdentity caller, @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
        if (version != null && version < 1) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_VERSION", "version must be at least 1.");
        }
        AnalysisQueries.Lookup lookup =
                queries.find(caller.tenantId(), id, version).orElseThrow(() -> ApiProblem.notFound("Analysis"));
        if (lookup instanceof AnalysisQueries.NotAnalysed skipped) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "NOT_ANALYSED",
                    "Version " + skipped.version() + " was indexed while automatic analysis was off for the tenant;"
                            + " reprocess the document to analyse it.");
        }
        if (lookup instanceof AnalysisQueries.Found found) {
            AnalysisStatus status = found.analysis().status();
            boolean done = status == AnalysisStatus.COMPLETED || status == AnalysisStatus.FAILED;
            return ResponseEntity.status(done ? HttpStatus.OK : HttpStatus.ACCEPTED)
                    .body(AnalysisView.of(found.analysis()));
        }
        return ResponseEntity.accepted().body(AnalysisView.waiting((AnalysisQueries.Waiting) lookup));
    }

    /** Analyses the version again with the tenant's current playbook (or the named one); no re-ingestion needed. */
    @PostMapping("/rerun")
    ResponseEntity<Map<String, Object>> rerun(
            CallerIdentity caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String playbookId) {
        if (!caller.hasAnyRole("ADMIN", "ANALYST")) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "FORBIDDEN", "Only analysts and administrators re-run analyses.");
        }
        if (version != null && version < 1) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_VERSION", "version must be at least 1.");
        }
        try {
            UUID analysisId = runs.rerun(caller.tenantId(), id, version, playbookId, caller.subject())
                    .orElseThrow(() -> ApiProblem.notFound("Document"));
            return ResponseEntity.accepted()
                    .body(Map.of("analysisId", analysisId, "documentId", id, "status", AnalysisStatus.PENDING.name()));
        } catch (AnalysisRuns.VersionNotAnalysedException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "NOT_ANALYSED", e.getMessage());
        } catch (AnalysisRuns.VersionNotReadyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ANALYSIS_NOT_READY", e.getMessage());
        }
    }
}
