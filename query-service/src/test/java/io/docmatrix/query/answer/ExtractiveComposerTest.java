package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExtractiveComposerTest {

    // A fixture of our own: a short lease with chunks cut at real offsets.
    private static final String LEASE =
            "Residential Lease Agreement. This lease is made between Anna Berg (the landlord) "
                    + "and Tom Reed (the tenant). The term of the lease begins on 1 March 2024 and ends on 28 February 2025. "
                    + "The monthly rent is 1,200 euros, payable on the first day of each month. A deposit of 2,400 euros is "
                    + "held by the landlord. Pets are not allowed in the flat. Either party may terminate the lease with three "
                    + "months' written notice. The tenant is responsible for minor repairs up to 150 euros per repair.";

    private static final UUID DOCUMENT = UUID.randomUUID();

    private static ExtractiveComposer.Settings settings(int maxSentences) {
        return new ExtractiveComposer.Settings(maxSentences, 5, 12, 0.3, 0.45, 0.25, 0.85, 400);
    }

    private static List<RetrievedChunk> chunks() {
        int cut1 = LEASE.indexOf("The monthly rent");
        int cut2 = LEASE.indexOf("Pets are");
        return List.of(
                Chunks.of(DOCUMENT, LEASE, cut1, cut2, 0.9),
                Chunks.of(DOCUMENT, LEASE, 0, cut1, 0.7),
                Chunks.of(DOCUMENT, LEASE, cut2, LEASE.length(), 0.5));
    }

    @Test
    void putsTheSentenceThatAnswersTheQuestionFirst() {
        Grounded answer = new ExtractiveComposer(null, settings(3)).compose("How much is the deposit?", chunks());

        assertThat(answer.sentences().get(0).text()).isEqualTo("A deposit of 2,400 euros is held by the landlord.");
    }

    @Test
    void quotesEverySentenceVerbatimAtItsOffsetsInTheDocument() {
        Grounded answer = new ExtractiveComposer(null, settings(3))
                .compose("When does the lease end and how is it terminated?", chunks());

        assertThat(answer.citations()).isNotEmpty();
        for (Citation citation : answer.citations()) {
            assertThat(LEASE.substring(citation.start(), citation.end())).isEqualTo(citation.quote());
            assertThat(citation.documentId()).isEqualTo(DOCUMENT);
        }
        assertThat(Quotes.allVerbatim(answer.citations(), chunks())).isTrue();
    }

    @Test
    void answersWithAtMostTheConfiguredNumberOfSentences() {
        Grounded one =
                new ExtractiveComposer(null, settings(1)).compose("lease rent deposit tenant landlord", chunks());
        Grounded three =
                new ExtractiveComposer(null, settings(3)).compose("lease rent deposit tenant landlord", chunks());

        assertThat(one.sentences()).hasSize(1);
        assertThat(three.sentences()).hasSizeBetween(1, 3);
    }

    @Test
    void neverPastesAWholeChunk() {
        String longSentence = "The supplier shall deliver the goods " + "and the related services ".repeat(40)
                + "to the warehouse of the buyer in Rotterdam within thirty days of the order";
        RetrievedChunk chunk = Chunks.text(longSentence, 1000, 1.0);

        Grounded answer = new ExtractiveComposer(null, settings(3))
                .compose("Where is the warehouse of the buyer?", List.of(chunk));

        assertThat(answer.text())
                .isNotEqualTo(longSentence)
                .hasSizeLessThanOrEqualTo(400)
                .contains("Rotterdam");
        Citation citation = answer.citations().get(0);
        assertThat(longSentence.substring(citation.start() - 1000, citation.end() - 1000))
                .isEqualTo(citation.quote());
    }

    @Test
    void leavesOutSentencesThatScoreFarBelowTheBest() {
        Grounded answer = new ExtractiveComposer(null, settings(3)).compose("Are pets allowed in the flat?", chunks());

        assertThat(answer.text()).isEqualTo("Pets are not allowed in the flat.");
    }

    @Test
    void answersNothingWithoutChunks() {
        Grounded answer = new ExtractiveComposer(null, settings(3)).compose("Anything?", List.of());

        assertThat(answer.isEmpty()).isTrue();
    }

    @Test
    void ranksWithSentenceEmbeddingsOfTheRealModel() {
        try (OnnxEmbeddingModel model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 1)) {
            Grounded answer = new ExtractiveComposer(model, settings(1))
                    .compose("How much money must be paid every month?", chunks());

            assertThat(answer.text())
                    .isEqualTo("The monthly rent is 1,200 euros, payable on the first day of each month.");
            assertThat(Quotes.allVerbatim(answer.citations(), chunks())).isTrue();
        }
    }
}
