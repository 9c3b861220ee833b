package io.docmatrix.eval.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankedRetrievalTest {

    private static final List<Span> GOLD = List.of(new Span("doc", 100, 110));

    @Test
    void firstHitRankIsThePositionOfTheFirstOverlappingResult() {
        List<Span> results = List.of(new Span("doc", 0, 50), new Span("other", 100, 110), new Span("doc", 90, 101));

        assertThat(RankedRetrieval.firstHitRank(results, GOLD)).isEqualTo(3);
    }

    @Test
    void firstHitRankIsZeroWhenNoResultOverlaps() {
        assertThat(RankedRetrieval.firstHitRank(List.of(new Span("doc", 0, 100)), GOLD))
                .isZero();
        assertThat(RankedRetrieval.firstHitRank(List.of(), GOLD)).isZero();
    }

    @Test
    void anyOfSeveralGoldSpansCounts() {
        List<Span> gold = List.of(new Span("doc", 100, 110), new Span("doc", 500, 510));

        assertThat(RankedRetrieval.firstHitRank(List.of(new Span("doc", 505, 600)), gold))
                .isEqualTo(1);
    }

    @Test
    void recallAtKAndMrrAverageOverQuestionsWithMissesAsZero() {
        RankedRetrieval metrics = new RankedRetrieval(1, 5, 10);

        metrics.add(1);
        metrics.add(3);
        metrics.add(7);
        metrics.add(0);

        assertThat(metrics.questions()).isEqualTo(4);
        assertThat(metrics.recallAt(1)).isEqualTo(0.25);
        assertThat(metrics.recallAt(5)).isEqualTo(0.5);
        assertThat(metrics.recallAt(10)).isEqualTo(0.75);
        assertThat(metrics.mrr()).isCloseTo((1 + 1.0 / 3 + 1.0 / 7) / 4, within(1e-12));
    }

    @Test
    void noQuestionsGiveZerosRatherThanNaN() {
        RankedRetrieval metrics = new RankedRetrieval(1);

        assertThat(metrics.recallAt(1)).isZero();
        assertThat(metrics.mrr()).isZero();
    }
}
