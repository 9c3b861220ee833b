package io.docmatrix.eval.corpus;

/**
 * A source document as the platform holds it: its id there, its final status, whether the upload matched bytes already
 * stored (a re-run), and the offset map (empty identity map when it did not become READY).
 */
public record LoadedDocument(
        SourceDocument source, String documentId, String status, boolean duplicate, int chunkCount, OffsetMap offsets) {

    public boolean ready() {
        return "READY".equals(status);
    }
}
