package io.docmatrix.eval.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void spansSharingACharacterOverlap() {
        assertThat(new Span("d", 10, 20).overlaps(new Span("d", 19, 30))).isTrue();
        assertThat(new Span("d", 10, 20).overlaps(new Span("d", 0, 11))).isTrue();
        assertThat(new Span("d", 10, 20).overlaps(new Span("d", 12, 13))).isTrue();
    }

    @Test
    void touchingHalfOpenSpansDoNotOverlap() {
        assertThat(new Span("d", 10, 20).overlaps(new Span("d", 20, 30))).isFalse();
        assertThat(new Span("d", 20, 30).overlaps(new Span("d", 10, 20))).isFalse();
    }

    @Test
    void spansOfDifferentDocumentsNeverOverlap() {
        assertThat(new Span("a", 0, 100).overlaps(new Span("b", 0, 100))).isFalse();
    }

    @Test
    void anEmptySpanOverlapsTheRangeContainingItsPosition() {
        assertThat(new Span("d", 15, 15).overlaps(new Span("d", 10, 20))).isTrue();
        assertThat(new Span("d", 10, 20).overlaps(new Span("d", 15, 15))).isTrue();
        assertThat(new Span("d", 20, 20).overlaps(new Span("d", 10, 20))).isFalse();
    }

    @Test
    void rejectsInvertedRanges() {
        assertThatThrownBy(() -> new Span("d", 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Span("d", -1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
