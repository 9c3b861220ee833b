package io.docmatrix.query.answer;

import java.util.UUID;

/**
 * Where an answer sentence comes from: {@code quote} is exactly the document's extracted text between {@code start}
 * (inclusive) and {@code end} (exclusive), UTF-16 offsets. The quote lies on pages {@code page} to {@code pageEnd}
 * (those of its chunk: chunks do not record where pages break inside them, so a narrower span would be a guess).
 *
 * @param score the retrieval score of the chunk the quote was taken from
 */
public record Citation(
        UUID documentId, UUID chunkId, int page, int pageEnd, int start, int end, String quote, double score) {}
