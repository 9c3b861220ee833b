package io.docmatrix.contracts.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkEmbeddedTest {

    @Test
    void rejectsAChunkThatEndsBeforeItStarts() {
        int start = 48_213;
        int end = 48_000;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> chunk(14, 14, start, end, List.of()))
                .withMessage("offsets must satisfy 0 <= start <= end but were start 48213, end 48000");
    }

    @Test
    void rejectsAChunkThatEndsOnAnEarlierPageThanItStarts() {
        int page = 14;
        int pageEnd = 13;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> chunk(page, pageEnd, 0, 10, List.of()))
                .withMessage("pages must satisfy 1 <= page <= pageEnd but were page 14, pageEnd 13");
    }

    @Test
    void keepsItsOwnImmutableCopyOfTheHeadingPath() {
        List<String> headings = new ArrayList<>(List.of("12. Liability"));

        ChunkEmbedded chunk = chunk(14, 14, 0, 10, headings);
        headings.add("12.1 Limitation of Liability");

        assertThat(chunk.headingPath()).containsExactly("12. Liability");
    }

    private static ChunkEmbedded chunk(int page, int pageEnd, int start, int end, List<String> headingPath) {
        return new ChunkEmbedded(
                UUID.fromString("70de93f8-a2b3-44c7-8f80-19c5d6e7f878"),
                Instant.parse("2026-03-01T10:15:52.118Z"),
                UUID.fromString("8b1e4c7a-2f3d-4e59-9a6b-0c7d1e2f3a4b"),
                UUID.fromString("3f6c2a8e-9d41-4b7a-b0e2-5c1d7f9a8b34"),
                2,
                UUID.fromString("c1a2b3d4-e5f6-4789-8abc-def012345678"),
                87,
                "12.1 Limitation of Liability.",
                page,
                pageEnd,
                start,
                end,
                headingPath,
                8,
                Embedding.of("bge-small-en-v1.5", new float[] {0.6f, 0.8f}));
    }
}
