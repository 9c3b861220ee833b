package io.docmatrix.query.retrieval.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Which chunks the full-text ranking reads, chosen from how many of the searched chunks hold each of the question's
 * lexemes (the common-terms idea of Lucene's {@code CommonTermsQuery}). Every candidate is ranked with the whole
 * question ({@link #rank}), but only the rare lexemes select candidates ({@link #select}): in a tenant of contracts
 * "agreement" is in most chunks, so ORing it makes {@code ts_rank_cd} rank most of the tenant, while the chunks that
 * also hold a rare word of the question are the ones worth ranking. {@code ts_rank_cd} has no inverse document
 * frequency, so without the selection a chunk dense in common words also outranks the one with the distinctive word.
 *
 * @param rank every lexeme ORed: what the candidates are ranked with (the ranking of the unselected search)
 * @param select the rare lexemes ORed; every lexeme ANDed when all are common; {@code rank} when none is common
 * @param narrowed whether some lexeme is common: then {@code select} differs from {@code rank} or is a single common
 *     word, and the chunks it selects are read only up to a bound
 */
record FullTextSelection(String rank, String select, boolean narrowed) {

    /**
     * @param lexemes the question's lexemes as quoted tsquery operands ({@code 'agreement'})
     * @param matches per lexeme, how many searched chunks hold it (an estimate)
     * @param commonAt from this many matches on, a lexeme is common
     */
    static FullTextSelection of(List<String> lexemes, List<Long> matches, int commonAt) {
        List<String> rare = new ArrayList<>();
        for (int i = 0; i < lexemes.size(); i++) {
            if (matches.get(i) < commonAt) {
                rare.add(lexemes.get(i));
            }
        }
        String rank = String.join(" | ", lexemes);
        if (rare.size() == lexemes.size()) {
            return new FullTextSelection(rank, rank, false);
        }
        // Only common words: a chunk must hold them all (their OR selects most of the tenant).
        String select = rare.isEmpty() ? String.join(" & ", lexemes) : String.join(" | ", rare);
        return new FullTextSelection(rank, select, true);
    }
}
