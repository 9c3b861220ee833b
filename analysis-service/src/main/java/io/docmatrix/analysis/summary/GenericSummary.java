package io.docmatrix.analysis.summary;

import java.util.List;
import java.util.UUID;

/**
 * What a non-contract document is about.
 *
 * @param summary the chosen sentences joined in document order
 * @param sentences the chosen sentences, each with the chunk and page it was taken from
 * @param keyTerms the most distinctive words and two-word phrases, most important first
 * @param entities capitalised names, dates and amounts mentioned most often
 */
public record GenericSummary(
        String summary, List<SummarySentence> sentences, List<String> keyTerms, List<String> entities) {

    public record SummarySentence(String text, UUID chunkId, int page) {}
}
