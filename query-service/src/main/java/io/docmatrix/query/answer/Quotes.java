package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Citations from chunk spans, and the check that every citation quotes its chunk verbatim. */
final class Quotes {

    private Quotes() {}

    /** A citation of {@code chunk.text().substring(from, to)}, with offsets in the document's extracted text. */
    static Citation cite(RetrievedChunk chunk, int from, int to) {
        return new Citation(
                chunk.documentId(),
                chunk.chunkId(),
                chunk.page(),
                chunk.pageEnd(),
                chunk.start() + from,
                chunk.start() + to,
                chunk.text().substring(from, to),
                chunk.score());
    }

    /**
     * Whether every citation's quote is exactly the text of its chunk at its offsets: the last line of defence
     * before an answer leaves the service.
     */
    static boolean allVerbatim(List<Citation> citations, List<RetrievedChunk> chunks) {
        Map<UUID, RetrievedChunk> byId =
                chunks.stream().collect(Collectors.toMap(RetrievedChunk::chunkId, Function.identity(), (a, b) -> a));
        for (Citation citation : citations) {
            RetrievedChunk chunk = byId.get(citation.chunkId());
            if (chunk == null || !chunk.documentId().equals(citation.documentId())) {
                return false;
            }
            int from = citation.start() - chunk.start();
            int to = citation.end() - chunk.start();
            if (from < 0 || to > chunk.text().length() || from >= to) {
                return false;
            }
            if (!chunk.text().substring(from, to).equals(citation.quote())) {
                return false;
            }
        }
        return true;
    }
}
