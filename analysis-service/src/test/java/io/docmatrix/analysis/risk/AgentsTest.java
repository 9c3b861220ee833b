package io.docmatrix.analysis.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.analysis.clause.ClauseLabels;
import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.clause.DocumentKind;
import io.docmatrix.analysis.comparison.ComparisonAgent;
import io.docmatrix.analysis.comparison.PlaybookComparison;
import io.docmatrix.analysis.comparison.WordDiff;
import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.facts.KeyFact;
import io.docmatrix.analysis.facts.KeyFacts;
import io.docmatrix.analysis.playbook.ClauseRule;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.Position;
import io.docmatrix.analysis.playbook.Thresholds;
import io.docmatrix.analysis.recommendation.Recommendation;
import io.docmatrix.analysis.recommendation.RecommendationAgent;
import io.docmatrix.contracts.analysis.Severity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The risk, comparison and recommendation agents and the word diff over hand-built labels and facts. */
class AgentsTest {

    private static final String LAW_TEXT = "This Agreement is governed by the laws of the State of Texas.";
    private static final String CAP_TEXT = "Total liability shall not exceed the fees paid.";
    private static final String UNCAPPED_TEXT = "Liability for data breaches shall not be limited.";
    private static final UUID CHUNK = UUID.randomUUID();
    // One chunk holding the three sentences, starting at offset 100 of the document.
    private static final String CHUNK_TEXT = LAW_TEXT + " " + CAP_TEXT + " " + UNCAPPED_TEXT;
    private static final DocumentForAnalysis DOCUMENT = new DocumentForAnalysis(
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            null,
            "a.txt",
            "text/plain",
            List.of(new AnalysedChunk(
                    CHUNK, 0, CHUNK_TEXT, 1, 1, 100, 100 + CHUNK_TEXT.length(), List.of(), new float[] {1f})));

    private final Playbook playbook = new Playbook(
            "p",
            1,
            "Test",
            List.of(
                    new ClauseRule("Governing Law", Position.REQUIRED, Severity.MEDIUM, "New York law.", null, null),
                    new ClauseRule("Audit Rights", Position.REQUIRED, Severity.LOW, "Audits once a year.", null, null),
                    new ClauseRule("Uncapped Liability", Position.PROHIBITED, Severity.CRITICAL, null, null, null),
                    new ClauseRule(
                            "Exclusivity", Position.PROHIBITED, Severity.HIGH, null, "Limited exclusivity.", null),
                    new ClauseRule("Insurance", Position.OPTIONAL, Severity.LOW, null, null, null)),
            new Thresholds(30, 90, 12, false, true, List.of("New York")));

    private final RiskAgent risk = new RiskAgent(0.5);

    @Test
    void raisesMissingProhibitedAndThresholdFindingsWithVerbatimEvidence() {
        ClauseLabels labels =
                labels(match("governing law", LAW_TEXT, 0.9), match("Uncapped Liability", UNCAPPED_TEXT, 0.8));
        KeyFacts facts = new KeyFacts(List.of(fact("NOTICE_PERIOD", "ten (10) days", "P10D", CAP_TEXT)));

        RiskAssessment assessment = risk.assess(playbook, labels, facts, DOCUMENT);

        assertThat(assessment.findings())
                .extracting(Finding::code)
                .containsExactly(
                        "UNCAPPED_LIABILITY", "GOVERNING_LAW_NOT_ALLOWED", "NOTICE_PERIOD_TOO_SHORT", "MISSING_CLAUSE");
        Finding law = assessment.findings().get(1);
        assertThat(law.evidence().get(0).quote()).isEqualTo(LAW_TEXT);
        assertThat(law.explanation()).contains("New York");
        assertThat(assessment.findings().get(3).category()).isEqualTo("Audit Rights");
        // CRITICAL 40, MEDIUM 12, MEDIUM 12, LOW 5: 1 - 0.6 * 0.88 * 0.88 * 0.95 = 0.5586
        assertThat(assessment.score()).isEqualTo(55.9);
        assertThat(assessment.drivers()).first().isEqualTo("UNCAPPED_LIABILITY");
    }

    @Test
    void findsNothingToReportWhenTheContractFollowsThePlaybook() {
        String allowed = "This Agreement is governed by the laws of the State of New York.";
        ClauseLabels labels = labels(
                match("Governing Law", allowed, 0.9),
                match("Audit Rights", "Audit", 0.9),
                match("Cap on Liability", CAP_TEXT, 0.9));
        KeyFacts facts = new KeyFacts(List.of(fact("NOTICE_PERIOD", "sixty days", null, CAP_TEXT)));

        RiskAssessment assessment = risk.assess(playbook, labels, facts, DOCUMENT);

        assertThat(assessment.findings()).isEmpty();
        assertThat(assessment.score()).isZero();
    }

    @Test
    void treatsLowConfidenceLabelsAsUnclearNotAsFound() {
        ClauseLabels labels = labels(match("Governing Law", LAW_TEXT, 0.2), match("Exclusivity", CAP_TEXT, 0.9));
        RiskAssessment assessment = risk.assess(playbook, labels, new KeyFacts(List.of()), DOCUMENT);

        List<PlaybookComparison> comparison =
                new ComparisonAgent(0.5).compare(playbook, labels, assessment.findings(), DOCUMENT);

        assertThat(status(comparison, "Governing Law")).isEqualTo(PlaybookComparison.Status.UNCLEAR);
        assertThat(status(comparison, "Audit Rights")).isEqualTo(PlaybookComparison.Status.MISSING);
        assertThat(status(comparison, "Exclusivity")).isEqualTo(PlaybookComparison.Status.DEVIATION);
        assertThat(status(comparison, "Uncapped Liability")).isEqualTo(PlaybookComparison.Status.MATCH);
        assertThat(status(comparison, "Insurance")).isEqualTo(PlaybookComparison.Status.MISSING);
        assertThat(assessment.findings()).extracting(Finding::code).contains("PROHIBITED_CLAUSE", "MISSING_CLAUSE");
    }

    @Test
    void recommendsThePlaybooksWordingMostSevereFirst() {
        ClauseLabels labels = labels(match("Exclusivity", CAP_TEXT, 0.9), match("Governing Law", LAW_TEXT, 0.3));
        RiskAssessment assessment = risk.assess(playbook, labels, new KeyFacts(List.of()), DOCUMENT);
        List<PlaybookComparison> comparison =
                new ComparisonAgent(0.5).compare(playbook, labels, assessment.findings(), DOCUMENT);

        List<Recommendation> recommendations =
                new RecommendationAgent().recommend(playbook, assessment.findings(), comparison);

        assertThat(recommendations.get(0).code()).isEqualTo("UNCAPPED_LIABILITY");
        Recommendation exclusivity = recommendations.stream()
                .filter(r -> r.code().equals("PROHIBITED_CLAUSE"))
                .findFirst()
                .orElseThrow();
        assertThat(exclusivity.fallbackLanguage()).isEqualTo("Limited exclusivity.");
        assertThat(exclusivity.action()).contains("deleted");
        Recommendation law = recommendations.stream()
                .filter(r -> r.code().equals("MISSING_CLAUSE") && "Governing Law".equals(r.category()))
                .findFirst()
                .orElseThrow();
        assertThat(law.suggestedLanguage()).isEqualTo("New York law.");
        assertThat(recommendations).extracting(Recommendation::code).contains("UNCLEAR");
    }

    @Test
    void diffsWordsAndIgnoresWhitespace() {
        List<WordDiff.Segment> diff =
                WordDiff.diff("shall not exceed the fees paid", "shall not exceed two times the fees  paid");

        assertThat(diff)
                .containsExactly(
                        new WordDiff.Segment(WordDiff.Op.EQUAL, "shall not exceed"),
                        new WordDiff.Segment(WordDiff.Op.INSERT, "two times"),
                        new WordDiff.Segment(WordDiff.Op.EQUAL, "the fees paid"));
        assertThat(WordDiff.diff("laws of Texas", "laws of New York"))
                .containsExactly(
                        new WordDiff.Segment(WordDiff.Op.EQUAL, "laws of"),
                        new WordDiff.Segment(WordDiff.Op.DELETE, "Texas"),
                        new WordDiff.Segment(WordDiff.Op.INSERT, "New York"));
        assertThat(WordDiff.sameWords(" a  b ", "a b")).isTrue();
    }

    @Test
    void readsNoticePeriodsInIsoAndContractWording() {
        assertThat(Periods.days("P30D", null)).hasValue(30);
        assertThat(Periods.days("P1Y", null)).hasValue(365);
        assertThat(Periods.days(null, "within ninety (90) days")).hasValue(90);
        assertThat(Periods.days(null, "three months")).hasValue(90);
        assertThat(Periods.days("30 days", null)).hasValue(30);
        assertThat(Periods.days(null, "promptly")).isEmpty();
    }

    private static PlaybookComparison.Status status(List<PlaybookComparison> comparison, String category) {
        return comparison.stream()
                .filter(c -> c.category().equals(category))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static ClauseLabels labels(ClauseMatch... matches) {
        return new ClauseLabels(DocumentKind.CONTRACT, List.of(matches));
    }

    private static ClauseMatch match(String category, String text, double confidence) {
        int at = Math.max(0, CHUNK_TEXT.indexOf(text));
        return new ClauseMatch(category, confidence, CHUNK, 1, 100 + at, 100 + at + text.length(), text);
    }

    private static KeyFact fact(String kind, String value, String normalized, String quote) {
        int at = Math.max(0, CHUNK_TEXT.indexOf(quote));
        return new KeyFact(kind, value, normalized, CHUNK, 1, 100 + at, 100 + at + quote.length(), quote);
    }
}
