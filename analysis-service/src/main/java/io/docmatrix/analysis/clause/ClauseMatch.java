package io.docmatrix.analysis.clause;

import java.util.UUID;

/** A span of the document labelled with a CUAD clause category. start/end are offsets in the document's extracted
 * text (chunk.start + offset inside chunk.text), text is exactly that span. */
public record ClauseMatch(
        String category, double confidence, UUID chunkId, int page, int start, int end, String text) {}
