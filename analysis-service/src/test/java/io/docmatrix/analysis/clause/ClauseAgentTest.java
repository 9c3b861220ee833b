package io.docmatrix.analysis.clause;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The clause agent with the real in-process model on the team's own fixture texts. */
class ClauseAgentTest {

    private static OnnxEmbeddingModel model;
    private static ClauseAgent agent;
    private static InMemoryClauseExemplars learned;

    @BeforeAll
    static void loadModel() {
        model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 2);
        learned = new InMemoryClauseExemplars();
        agent = new ClauseAgent(model, learned, ClauseCategories.builtIn(), ClauseScoring.defaults());
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void labelsTheStandardClausesOfAServicesAgreement() {
        String text = TestDocuments.fixture("services-agreement.txt");
        DocumentForAnalysis contract = TestDocuments.document(UUID.randomUUID(), text, model);

        ClauseLabels labels = agent.label(contract);

        assertThat(labels.kind()).isEqualTo(DocumentKind.CONTRACT);
        Set<String> found = labels.matches().stream().map(ClauseMatch::category).collect(Collectors.toSet());
        assertThat(found)
                .contains(
                        "Document Name",
                        "Governing Law",
                        "Termination for Convenience",
                        "Cap on Liability",
                        "Non-Compete",
                        "Anti-Assignment",
                        "Renewal Term",
                        "Audit Rights",
                        "Insurance");
        assertThat(spanOf(labels, "Governing Law")).contains("laws of the State of New York");
        assertThat(spanOf(labels, "Termination for Convenience")).contains("for convenience");
        assertThat(spanOf(labels, "Audit Rights")).contains("audit Provider's books");
        assertThat(spanOf(labels, "Anti-Assignment")).contains("may assign or transfer");
    }

    @Test
    void everySpanIsExactlyItsPlaceInTheExtractedText() {
        String text = TestDocuments.fixture("services-agreement.txt");
        DocumentForAnalysis contract = TestDocuments.document(UUID.randomUUID(), text, model);

        List<ClauseMatch> matches = agent.label(contract).matches();

        assertThat(matches).isNotEmpty();
        for (ClauseMatch m : matches) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
            assertThat(m.confidence()).isBetween(0.5, 1.0);
            assertThat(m.page()).isEqualTo(1);
            assertThat(contract.chunks())
                    .anySatisfy(c -> assertThat(c.chunkId()).isEqualTo(m.chunkId()));
        }
    }

    @Test
    void aResearchPaperIsNotAContractAndGetsNoLabels() {
        String text = TestDocuments.fixture("research-paper.txt");
        DocumentForAnalysis paper = TestDocuments.document(UUID.randomUUID(), text, model);

        ClauseLabels labels = agent.label(paper);

        assertThat(labels.kind()).isEqualTo(DocumentKind.OTHER);
        assertThat(labels.matches()).isEmpty();
    }

    @Test
    void learnedExemplarsCountOnlyForTheTenantThatLearnedThem() {
        String clause = "The Supplier shall keep a replacement stock of spare parts for seven years after the last"
                + " delivery and sell them to the Buyer at the prices then in effect.";
        String text = TestDocuments.fixture("services-agreement.txt") + "\n\n11. SPARE PARTS\n\n11.1 " + clause + "\n";
        UUID teacher = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ClauseExemplarLearning learning = new ClauseExemplarLearning(model, learned, ClauseCategories.builtIn(), 10);

        learning.learn(teacher, List.of(new ExemplarText("Post-Termination Services", clause)));
        DocumentForAnalysis teachersDocument = TestDocuments.document(teacher, text, model);
        DocumentForAnalysis othersDocument = TestDocuments.document(other, text, model);

        assertThat(agent.score(teachersDocument).spans())
                .anySatisfy(c -> assertThat(c.sentenceL()).isGreaterThan(0.95));
        assertThat(agent.score(othersDocument).spans())
                .allSatisfy(c -> assertThat(c.sentenceL()).isEqualTo(-1));
        double teachers = spareParts(agent.label(teachersDocument).matches());
        assertThat(teachers).isGreaterThan(0.9);
        assertThat(spareParts(agent.label(othersDocument).matches())).isLessThan(teachers);
    }

    private static double spareParts(List<ClauseMatch> matches) {
        return matches.stream()
                .filter(m -> m.category().equals("Post-Termination Services")
                        && m.text().contains("spare parts"))
                .mapToDouble(ClauseMatch::confidence)
                .max()
                .orElse(0);
    }

    private static String spanOf(ClauseLabels labels, String category) {
        return labels.matches().stream()
                .filter(m -> m.category().equals(category))
                .map(ClauseMatch::text)
                .collect(Collectors.joining(" | "));
    }
}
