package io.docmatrix.query.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    private final RetrievedChunk a = chunk("a");
    private final RetrievedChunk b = chunk("b");
    private final RetrievedChunk c = chunk("c");
    private final RetrievedChunk d = chunk("d");

    @Test
    void ranksAChunkBothRankingsFoundAboveChunksOnlyOneRankedFirst() {
        List<RetrievedChunk> byVector = List.of(a, c, d);
        List<RetrievedChunk> byText = List.of(b, c);

        List<RetrievedChunk> fused = ReciprocalRankFusion.fuse(byVector, 1, byText, 1, 60, 10);

        assertThat(fused.get(0).text()).isEqualTo("c");
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 62 + 1.0 / 62);
        assertThat(fused.subList(1, 3)).extracting(RetrievedChunk::text).containsExactlyInAnyOrder("a", "b");
        assertThat(fused.get(1).score()).isEqualTo(1.0 / 61);
        assertThat(fused.get(3).text()).isEqualTo("d");
    }

    @Test
    void letsTheHeavierRankingWinWhenTheRankingsDisagree() {
        List<RetrievedChunk> byVector = List.of(a, b);
        List<RetrievedChunk> byText = List.of(b, a);

        assertThat(ReciprocalRankFusion.fuse(byVector, 2, byText, 1, 60, 10))
                .extracting(RetrievedChunk::text)
                .containsExactly("a", "b");
        assertThat(ReciprocalRankFusion.fuse(byVector, 1, byText, 2, 60, 10))
                .extracting(RetrievedChunk::text)
                .containsExactly("b", "a");
    }

    @Test
    void smallerKGivesTheTopRanksMoreWeight() {
        // a: first by vector only; c: fourth by both. With k = 60 agreement wins; with k = 1 the first place does.
        RetrievedChunk e = chunk("e");
        RetrievedChunk f = chunk("f");
        RetrievedChunk g = chunk("g");
        List<RetrievedChunk> byVector = List.of(a, b, e, c);
        List<RetrievedChunk> byText = List.of(d, f, g, c);

        assertThat(ReciprocalRankFusion.fuse(byVector, 1, byText, 0.9, 60, 1))
                .extracting(RetrievedChunk::text)
                .containsExactly("c");
        assertThat(ReciprocalRankFusion.fuse(byVector, 1, byText, 0.9, 1, 1))
                .extracting(RetrievedChunk::text)
                .containsExactly("a");
    }

    @Test
    void returnsAtMostTopK() {
        assertThat(ReciprocalRankFusion.fuse(List.of(a, b, c), 1, List.of(d), 1, 60, 2))
                .hasSize(2);
    }

    private static RetrievedChunk chunk(String text) {
        return new RetrievedChunk(
                UUID.randomUUID(), 1, UUID.randomUUID(), text, 1, 1, 0, text.length(), List.of(), null, 0.5);
    }
}
