package io.docmatrix.analysis.clause;

/**
 * How scores are formed, calibrated on CUAD dev (docs/clauses.md). A span's score is
 * {@code (1 - chunkWeight) * sentenceSimilarity + chunkWeight * chunkSimilarity + cueBonus * cue}, where a similarity is
 * the cosine to the category's nearest exemplar.
 *
 * @param cueBonus added when a cue of the category occurs in the sentence
 * @param chunkWeight share of the enclosing chunk's similarity: it carries the context a single sentence lacks
 * @param candidateMargin chunks scoring within this of a category's threshold have their sentences embedded
 * @param candidateChunks at most this many chunks per category have their sentences embedded
 * @param maxSentences sentence embeddings per document: the bound that keeps a long contract well under 5 s
 * @param maxMatchesPerCategory labelled spans reported per category
 * @param confidenceScale score distance from the threshold that moves the confidence from 0.5 to 0.73
 */
public record ClauseScoring(
        double cueBonus,
        double chunkWeight,
        double candidateMargin,
        int candidateChunks,
        int maxSentences,
        int maxMatchesPerCategory,
        double confidenceScale) {

    public static ClauseScoring defaults() {
        return new ClauseScoring(0.04, 0.3, 0.3, 2, 120, 3, 0.04);
    }
}
