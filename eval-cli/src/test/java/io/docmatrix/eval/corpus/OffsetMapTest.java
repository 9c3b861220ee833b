package io.docmatrix.eval.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetMapTest {

    private static final String SOURCE = "Title\r\n\r\nFirst paragraph here.\r\nSecond line.\r\n\r\nLast paragraph.";

    @Test
    void chunksEqualToTheSourceAtTheirOffsetsGiveTheIdentity() {
        List<PlatformChunk> chunks = List.of(
                new PlatformChunk("c0", 0, SOURCE.substring(0, 30), 0, 30),
                new PlatformChunk("c1", 1, SOURCE.substring(30), 30, SOURCE.length()));

        OffsetMap map = OffsetMap.of(SOURCE, chunks);

        assertThat(map.identity()).isTrue();
        assertThat(map.chunksExact()).isEqualTo(2);
        assertThat(map.toSource(12, 17, null))
                .hasValueSatisfying(r -> assertThat(r).containsExactly(12, 17));
    }

    @Test
    void chunksOfTextWithNormalisedLineEndingsAreLocatedAndShifted() {
        String extracted = SOURCE.replace("\r\n", "\n");
        int second = extracted.indexOf("Second");
        List<PlatformChunk> chunks = List.of(
                new PlatformChunk("c0", 0, extracted.substring(0, second), 0, second),
                new PlatformChunk("c1", 1, extracted.substring(second), second, extracted.length()));

        OffsetMap map = OffsetMap.of(SOURCE, chunks);

        assertThat(map.identity()).isFalse();
        assertThat(map.chunksRemapped()).isEqualTo(2);
        int lastInExtracted = extracted.indexOf("Last");
        int[] mapped = map.toSource(lastInExtracted, lastInExtracted + 4, "c1").orElseThrow();
        assertThat(SOURCE.substring(mapped[0], mapped[1])).isEqualTo("Last");
        int[] whole = map.toSource(second, extracted.length(), null).orElseThrow();
        assertThat(SOURCE.substring(whole[0], whole[1])).isEqualTo(SOURCE.substring(SOURCE.indexOf("Second")));
    }

    @Test
    void aChunkWhoseTextIsNotInTheSourceIsCountedAndCannotBeMapped() {
        List<PlatformChunk> chunks = List.of(new PlatformChunk("c0", 0, "text the source never had", 0, 25));

        OffsetMap map = OffsetMap.of(SOURCE, chunks);

        assertThat(map.chunksUnlocated()).isEqualTo(1);
        assertThat(map.toSource(0, 5, "c0")).isEmpty();
    }

    @Test
    void extractedTextIsRebuiltFromChunksForCitationChecks() {
        String text = "alpha beta gamma delta";
        List<PlatformChunk> chunks = List.of(
                new PlatformChunk("c0", 0, "alpha beta ", 0, 11), new PlatformChunk("c1", 1, "gamma delta", 11, 22));

        OffsetMap map = OffsetMap.of(text, chunks);

        assertThat(map.extracted(6, 16)).contains("beta gamma");
        assertThat(map.extracted(20, 30)).isEmpty();
    }

    @Test
    void theNearestOccurrenceOfARepeatedFragmentIsChosen() {
        String source = "same words. other. same words.";

        assertThat(TextAligner.locate(source, "same words.", 20))
                .hasValueSatisfying(r -> assertThat(r[0]).isEqualTo(19));
        assertThat(TextAligner.locate(source, "same words.", 0))
                .hasValueSatisfying(r -> assertThat(r[0]).isZero());
    }
}
