package io.docmatrix.analysis.pipeline;

import io.docmatrix.analysis.clause.ClauseLabeller;
import io.docmatrix.analysis.clause.ClauseLabels;
import io.docmatrix.analysis.clause.DocumentKind;
import io.docmatrix.analysis.comparison.ComparisonAgent;
import io.docmatrix.analysis.comparison.PlaybookComparison;
import io.docmatrix.analysis.config.AnalysisFeatures;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.facts.FactExtractor;
import io.docmatrix.analysis.facts.KeyFacts;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.recommendation.Recommendation;
import io.docmatrix.analysis.recommendation.RecommendationAgent;
import io.docmatrix.analysis.risk.RiskAgent;
import io.docmatrix.analysis.risk.RiskAssessment;
import io.docmatrix.analysis.summary.SummaryAgent;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the agents over one complete document version and passes each one's results to the next: labels and facts
 * feed the risk agent, its findings feed the comparison, both feed the recommendations. A document the labeller
 * does not see as a contract gets the generic summary instead: no playbook findings are pretended for it. The
 * recommendation and summary agents run only while their flags ({@code analysis.features.*}) are on.
 */
@Component
public class AnalysisOrchestrator {

    private final ClauseLabeller labeller;
    private final FactExtractor facts;
    private final RiskAgent risk;
    private final ComparisonAgent comparison;
    private final RecommendationAgent recommendations;
    private final SummaryAgent summary;
    private final Supplier<AnalysisFeatures> features;

    public AnalysisOrchestrator(
            ClauseLabeller labeller,
            FactExtractor facts,
            RiskAgent risk,
            ComparisonAgent comparison,
            RecommendationAgent recommendations,
            SummaryAgent summary,
            Supplier<AnalysisFeatures> features) {
        this.features = features;
        this.labeller = labeller;
        this.facts = facts;
        this.risk = risk;
        this.comparison = comparison;
        this.recommendations = recommendations;
        this.summary = summary;
    }

    public AnalysisResult analyse(DocumentForAnalysis document, Playbook playbook) {
        AnalysisFeatures enabled = features.get();
        ClauseLabels labels = labeller.label(document);
        if (labels.kind() == DocumentKind.OTHER) {
            return new AnalysisResult(
                    DocumentKind.OTHER,
                    0,
                    List.of(),
                    labels.matches(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    enabled.summary() ? summary.summarise(document) : null);
        }
        KeyFacts keyFacts = facts.extract(document);
        RiskAssessment assessment = risk.assess(playbook, labels, keyFacts, document);
        List<PlaybookComparison> compared = comparison.compare(playbook, labels, assessment.findings(), document);
        List<Recommendation> recommended = enabled.recommendations()
                ? recommendations.recommend(playbook, assessment.findings(), compared)
                : List.of();
        return new AnalysisResult(
                DocumentKind.CONTRACT,
                assessment.score(),
                assessment.drivers(),
                labels.matches(),
                keyFacts.facts(),
                assessment.findings(),
                compared,
                recommended,
                null);
    }
}
