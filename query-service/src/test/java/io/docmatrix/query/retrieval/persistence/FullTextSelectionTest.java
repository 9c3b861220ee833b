package io.docmatrix.query.retrieval.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FullTextSelectionTest {

    private static final List<String> LEXEMES = List.of("'agreement'", "'escrow'", "'termin'", "'zanzibar'");

    @Test
    void selectsByEveryLexemeWhenNoneIsCommon() {
        FullTextSelection selection = FullTextSelection.of(LEXEMES, List.of(499L, 3L, 12L, 0L), 500);

        assertThat(selection.select()).isEqualTo("'agreement' | 'escrow' | 'termin' | 'zanzibar'");
        assertThat(selection.rank()).isEqualTo(selection.select());
        assertThat(selection.narrowed()).isFalse();
    }

    @Test
    void selectsOnlyByTheRareLexemesButRanksWithAll() {
        FullTextSelection selection = FullTextSelection.of(LEXEMES, List.of(9000L, 3L, 500L, 0L), 500);

        assertThat(selection.select()).isEqualTo("'escrow' | 'zanzibar'");
        assertThat(selection.rank()).isEqualTo("'agreement' | 'escrow' | 'termin' | 'zanzibar'");
        assertThat(selection.narrowed()).isTrue();
    }

    @Test
    void requiresEveryLexemeWhenAllAreCommon() {
        FullTextSelection selection =
                FullTextSelection.of(List.of("'agreement'", "'termin'"), List.of(9000L, 1200L), 500);

        assertThat(selection.select()).isEqualTo("'agreement' & 'termin'");
        assertThat(selection.rank()).isEqualTo("'agreement' | 'termin'");
        assertThat(selection.narrowed()).isTrue();
    }
}
