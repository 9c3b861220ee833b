package io.docmatrix.ingestion.document;

import java.util.List;

/**
 * The text a parser extracted from one document version and where each page lies in it (UTF-16 offsets, end
 * exclusive), kept so chunks can be checked against it and re-chunked without parsing again.
 */
public record ExtractedText(String text, List<PageRange> pages) {

    public ExtractedText {
        pages = List.copyOf(pages);
    }

    /** Page {@code number} (1-based) spans {@code text.substring(start, end)}. */
    public record PageRange(int number, int start, int end) {}
}
