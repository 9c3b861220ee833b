package io.docmatrix.analysis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.analysis.clause.ClauseLabels;
import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.clause.DocumentKind;
import io.docmatrix.analysis.comparison.ComparisonAgent;
import io.docmatrix.analysis.config.AnalysisFeatures;
import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.facts.KeyFacts;
import io.docmatrix.analysis.playbook.ClauseRule;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.Position;
import io.docmatrix.analysis.playbook.Thresholds;
import io.docmatrix.analysis.recommendation.RecommendationAgent;
import io.docmatrix.analysis.risk.RiskAgent;
import io.docmatrix.analysis.summary.SummaryAgent;
import io.docmatrix.contracts.analysis.Severity;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The recommendation and summary flags gate their agents, read per analysis so a refreshed flag applies to the next
 * one; labels come from a fixed labeller, every agent is the real one.
 */
class AnalysisOrchestratorFlagsTest {

    private static final String TEXT = "Liability for data breaches shall not be limited. The parties met in Paris in"
            + " spring and discussed the weather, the harvest and the new railway line at length.";
    private static final UUID CHUNK = UUID.randomUUID();
    private static final DocumentForAnalysis DOCUMENT = new DocumentForAnalysis(
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            null,
            "a.txt",
            "text/plain",
            List.of(new AnalysedChunk(CHUNK, 0, TEXT, 1, 1, 0, TEXT.length(), List.of(), new float[] {1f})));
    private static final Playbook PLAYBOOK = new Playbook(
            "p",
            1,
            "Test",
            List.of(new ClauseRule("Uncapped Liability", Position.PROHIBITED, Severity.CRITICAL, null, null, null)),
            new Thresholds(30, 90, 12, false, true, List.of("New York")));
    private static final ClauseMatch UNCAPPED =
            new ClauseMatch("Uncapped Liability", 0.9, CHUNK, 1, 0, 50, TEXT.substring(0, 50));

    private final AtomicReference<AnalysisFeatures> features = new AtomicReference<>(new AnalysisFeatures(true, true));
    private DocumentKind kind = DocumentKind.CONTRACT;
    private final AnalysisOrchestrator orchestrator = new AnalysisOrchestrator(
            document -> new ClauseLabels(kind, kind == DocumentKind.CONTRACT ? List.of(UNCAPPED) : List.of()),
            document -> new KeyFacts(List.of()),
            new RiskAgent(0.5),
            new ComparisonAgent(0.5),
            new RecommendationAgent(),
            new SummaryAgent(3, 10),
            features::get);

    @Test
    void recommendsOnlyWhileRecommendationsAreOn() {
        AnalysisResult on = orchestrator.analyse(DOCUMENT, PLAYBOOK);
        features.set(new AnalysisFeatures(false, true));
        AnalysisResult off = orchestrator.analyse(DOCUMENT, PLAYBOOK);

        assertThat(on.recommendations()).isNotEmpty();
        assertThat(off.recommendations()).isEmpty();
        assertThat(off.findings()).as("findings do not depend on the flag").isEqualTo(on.findings());
    }

    @Test
    void summarisesADocumentThatIsNoContractOnlyWhileSummariesAreOn() {
        kind = DocumentKind.OTHER;

        AnalysisResult on = orchestrator.analyse(DOCUMENT, PLAYBOOK);
        features.set(new AnalysisFeatures(true, false));
        AnalysisResult off = orchestrator.analyse(DOCUMENT, PLAYBOOK);

        assertThat(on.summary()).isNotNull();
        assertThat(off.summary()).isNull();
        assertThat(off.kind()).isEqualTo(DocumentKind.OTHER);
    }
}
