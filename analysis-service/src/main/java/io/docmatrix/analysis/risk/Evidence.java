package io.docmatrix.analysis.risk;

import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.facts.KeyFact;
import java.util.UUID;

/**
 * Where a statement about the document comes from: a span of the extracted text and its words.
 *
 * @param chunkId the chunk holding the span
 * @param page the page the chunk starts on
 * @param start offset of the span in the document's extracted text
 * @param end offset just past the span
 * @param quote the span's text, verbatim from the chunk whenever the span lies inside it
 */
public record Evidence(UUID chunkId, int page, int start, int end, String quote) {

    public static Evidence of(ClauseMatch match, DocumentForAnalysis document) {
        return verbatim(match.chunkId(), match.page(), match.start(), match.end(), match.text(), document);
    }

    public static Evidence of(KeyFact fact, DocumentForAnalysis document) {
        return verbatim(fact.chunkId(), fact.page(), fact.start(), fact.end(), fact.quote(), document);
    }

    /**
     * Quotes are cut from the chunk itself rather than trusted from the labeller, so a reviewer always sees the
     * document's own words; a span the chunk does not hold (it crosses chunks) keeps the labeller's text.
     */
    static Evidence verbatim(UUID chunkId, int page, int start, int end, String text, DocumentForAnalysis document) {
        for (AnalysedChunk chunk : document.chunks()) {
            if (chunk.chunkId().equals(chunkId)
                    && start >= chunk.start()
                    && end <= chunk.start() + chunk.text().length()
                    && start <= end) {
                return new Evidence(
                        chunkId, page, start, end, chunk.text().substring(start - chunk.start(), end - chunk.start()));
            }
        }
        return new Evidence(chunkId, page, start, end, text);
    }
}
