package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAnswersTest {

    private static final String RENT = "The monthly rent is 1,200 euros. It is payable on the first day of each month.";
    private static final String PETS = "Pets are not allowed in the flat. Smoking is forbidden on the balcony.";
    private final List<RetrievedChunk> chunks = List.of(Chunks.text(RENT, 100, 0.9), Chunks.text(PETS, 500, 0.8));
    private final ModelAnswers answers = new ModelAnswers(0.6);

    @Test
    void keepsASentenceItsCitedChunkContainsAndQuotesItVerbatim() {
        Grounded grounded = new Grounded();

        answers.ground("The monthly rent is 1,200 euros [C1].", chunks, grounded);

        assertThat(grounded.sentences())
                .extracting(AnswerSentence::text)
                .containsExactly("The monthly rent is 1,200 euros.");
        Citation citation = grounded.citations().get(0);
        assertThat(citation.quote()).isEqualTo("The monthly rent is 1,200 euros");
        assertThat(RENT.substring(citation.start() - 100, citation.end() - 100)).isEqualTo(citation.quote());
    }

    @Test
    void keepsAParaphraseWhoseTermsTheChunkCoversAndQuotesTheSupportingSentence() {
        Grounded grounded = new Grounded();

        answers.ground("Rent is payable on the first day of each month. [C1]", chunks, grounded);

        assertThat(grounded.citations().get(0).quote()).isEqualTo("It is payable on the first day of each month.");
    }

    @Test
    void dropsASentenceCitingAChunkThatDoesNotSupportIt() {
        Grounded grounded = new Grounded();

        answers.ground("Pets are not allowed in the flat [C1]. The rent is 1,200 euros [C1].", chunks, grounded);

        assertThat(grounded.sentences()).extracting(AnswerSentence::text).containsExactly("The rent is 1,200 euros.");
        assertThat(grounded.unsupported()).extracting(Unsupported::reason).containsExactly("NOT_SUPPORTED");
    }

    @Test
    void dropsASentenceWithANumberTheChunkDoesNotHold() {
        Grounded grounded = new Grounded();

        answers.ground("The monthly rent is 1,500 euros [C1].", chunks, grounded);

        assertThat(grounded.isEmpty()).isTrue();
        assertThat(grounded.unsupported()).extracting(Unsupported::reason).containsExactly("NOT_SUPPORTED");
    }

    @Test
    void dropsAQuoteThatIsNotInTheChunk() {
        Grounded grounded = new Grounded();

        answers.ground("The lease says \"rent may be paid in bitcoin\" monthly [C1].", chunks, grounded);

        assertThat(grounded.unsupported()).extracting(Unsupported::reason).containsExactly("QUOTE_NOT_IN_SOURCE");
    }

    @Test
    void dropsSentencesWithoutOrWithUnknownCitations() {
        Grounded grounded = new Grounded();

        answers.ground("Smoking is forbidden on the balcony. Pets are not allowed [C7].", chunks, grounded);

        assertThat(grounded.isEmpty()).isTrue();
        assertThat(grounded.unsupported())
                .extracting(Unsupported::reason)
                .containsExactly("NO_CITATION", "UNKNOWN_SOURCE");
    }

    @Test
    void attachesATagAfterTheFullStopToItsSentence() {
        List<ModelAnswers.Claim> claims =
                ModelAnswers.claims("Pets are not allowed. [C2] Smoking is forbidden. [C2, C1]");

        assertThat(claims)
                .extracting(ModelAnswers.Claim::text)
                .containsExactly("Pets are not allowed.", "Smoking is forbidden.");
        assertThat(claims.get(1).tags()).containsExactly(2, 1);
    }

    @Test
    void streamsClaimsOnlyOnceTheyAreComplete() {
        StreamingClaims stream = new StreamingClaims();

        assertThat(stream.accept("Pets are not allo")).isEmpty();
        assertThat(stream.accept("wed in the flat. [C")).isEmpty();
        List<ModelAnswers.Claim> first = stream.accept("2] Smoking is");
        List<ModelAnswers.Claim> rest = stream.finish();

        assertThat(first).extracting(ModelAnswers.Claim::text).containsExactly("Pets are not allowed in the flat.");
        assertThat(first.get(0).tags()).containsExactly(2);
        assertThat(rest).extracting(ModelAnswers.Claim::text).containsExactly("Smoking is");
    }
}
