package io.docmatrix.ingestion.parsing;

/** Extracts text and structure from a document. Never throws for a bad document: failures are outcomes. */
public interface DocumentParser {

    /**
     * @param fileName the name the document was uploaded with; a hint for format detection only
     * @param content the document's bytes
     */
    ParseOutcome parse(String fileName, byte[] content);
}
