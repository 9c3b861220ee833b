package io.docmatrix.eval.scoring;

/**
 * A half-open character range {@code [start, end)} of one document's text, in UTF-16 units (Java string indices), the
 * unit of every {@code start}/{@code end} the platform returns.
 */
public record Span(String documentId, int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /**
     * True when both spans are in the same document and share at least one character. An empty span (a zero-length
     * gold answer) counts as overlapping a range that contains its position, so it can still be hit.
     */
    public boolean overlaps(Span other) {
        if (!documentId.equals(other.documentId)) {
            return false;
        }
        if (start == end) {
            return other.start <= start && start < Math.max(other.end, other.start + 1);
        }
        if (other.start == other.end) {
            return other.overlaps(this);
        }
        return start < other.end && other.start < end;
    }
}
