package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.config.AnalysisProperties;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.Playbooks;
import io.docmatrix.contracts.analysis.Severity;
import io.docmatrix.runtime.config.RefreshableProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed analysis to COMPLETED or FAILED. The agents run outside any transaction (they may take seconds);
 * only storing the outcome is transactional. An agent that throws is retried after a delay, up to the attempt limit.
 */
@Component
class AnalysisProcessor {

    private static final Logger log = LoggerFactory.getLogger(AnalysisProcessor.class);

    enum Result {
        COMPLETED,
        FAILED,
        RETRY_LATER,
        LEASE_LOST
    }

    private final StagingRepository staging;
    private final Playbooks playbooks;
    private final AnalysisOrchestrator orchestrator;
    private final AnalysisRuns runs;
    private final Supplier<AnalysisProperties> analysis;
    private final PipelineProperties pipeline;
    private final MeterRegistry meters;

    AnalysisProcessor(
            StagingRepository staging,
            Playbooks playbooks,
            AnalysisOrchestrator orchestrator,
            AnalysisRuns runs,
            RefreshableProperties<AnalysisProperties> analysis,
            PipelineProperties pipeline,
            MeterRegistry meters) {
        this.staging = staging;
        this.playbooks = playbooks;
        this.orchestrator = orchestrator;
        this.runs = runs;
        this.analysis = analysis;
        this.pipeline = pipeline;
        this.meters = meters;
        for (Severity severity : Severity.values()) {
            // Present at zero from startup, so a dashboard shows "no HIGH findings" rather than no data.
            findings(severity);
        }
    }

    Result process(ClaimedAnalysis claimed, String worker) {
        Optional<DocumentForAnalysis> document =
                staging.load(claimed.tenantId(), claimed.documentId(), claimed.version());
        if (document.isEmpty()) {
            return fail(claimed, worker, "DOCUMENT_NOT_STAGED", "The document's text is not available for analysis.");
        }
        if (document.get().chunks().isEmpty()) {
            return fail(claimed, worker, "EMPTY_DOCUMENT", "The document has no text to analyse.");
        }
        // read per analysis: the default playbook follows /actuator/refresh
        String playbookId = claimed.playbookId() != null
                ? claimed.playbookId()
                : analysis.get().defaultPlaybook();
        Optional<Playbook> playbook = playbooks.current(claimed.tenantId(), playbookId);
        if (playbook.isEmpty()) {
            return fail(claimed, worker, "PLAYBOOK_NOT_FOUND", "The playbook '" + playbookId + "' does not exist.");
        }
        AnalysisResult result;
        Timer.Sample sample = Timer.start(meters);
        try {
            result = orchestrator.analyse(document.get(), playbook.get());
        } catch (RuntimeException e) {
            if (claimed.attempts() >= pipeline.maxAttempts()) {
                log.error("Analysis {} failed on its last attempt", claimed.id(), e);
                return fail(claimed, worker, "ANALYSIS_ERROR", "The analysis agents failed on this document.");
            }
            log.warn("Analysis {} attempt {} failed; retrying later", claimed.id(), claimed.attempts(), e);
            return runs.retryLater(claimed, worker, pipeline.retryDelay()) ? Result.RETRY_LATER : Result.LEASE_LOST;
        } finally {
            sample.stop(Timer.builder("docmatrix.analysis.duration")
                    .description("Time the agents take per analysis")
                    .publishPercentileHistogram()
                    .register(meters));
        }
        if (!runs.complete(claimed, worker, playbook.get(), result)) {
            return Result.LEASE_LOST;
        }
        meters.counter(
                        "docmatrix.analysis.analyses",
                        "outcome",
                        "COMPLETED",
                        "kind",
                        result.kind().name(),
                        // Every series of a name carries the same tag keys: Prometheus drops a meter whose keys differ.
                        "code",
                        "NONE")
                .increment();
        result.findings().forEach(finding -> findings(finding.severity()).increment());
        return Result.COMPLETED;
    }

    private Counter findings(Severity severity) {
        return Counter.builder("docmatrix.analysis.findings")
                .description("Findings of completed analyses, by severity")
                .tag("severity", severity.name())
                .register(meters);
    }

    private Result fail(ClaimedAnalysis claimed, String worker, String code, String detail) {
        meters.counter("docmatrix.analysis.analyses", "outcome", "FAILED", "kind", "UNKNOWN", "code", code)
                .increment();
        return runs.fail(claimed, worker, code, detail) ? Result.FAILED : Result.LEASE_LOST;
    }
}
