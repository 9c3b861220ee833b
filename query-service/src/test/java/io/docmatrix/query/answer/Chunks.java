package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.List;
import java.util.UUID;

/** Retrieved chunks cut from fixture documents, with real offsets into the document text. */
public final class Chunks {

    private Chunks() {}

    /** The chunk of {@code document} from {@code start} to {@code end}, on page 1. */
    public static RetrievedChunk of(UUID documentId, String document, int start, int end, double score) {
        return new RetrievedChunk(
                documentId,
                1,
                UUID.nameUUIDFromBytes((documentId + ":" + start).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                document.substring(start, end),
                1,
                1,
                start,
                end,
                List.of(),
                "Fixture",
                score);
    }

    /** A whole fixture text as one chunk starting at {@code offset} of its document. */
    public static RetrievedChunk text(String text, int offset, double score) {
        UUID document = UUID.nameUUIDFromBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new RetrievedChunk(
                document,
                1,
                UUID.randomUUID(),
                text,
                2,
                3,
                offset,
                offset + text.length(),
                List.of("Terms"),
                "Fixture",
                score);
    }
}
