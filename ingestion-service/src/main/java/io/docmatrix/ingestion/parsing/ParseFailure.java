package io.docmatrix.ingestion.parsing;

/**
 * Stable codes of a failed parse. They travel in lifecycle events and reach users, so names never change; add new ones
 * at the end. docs/ingestion.md explains each.
 */
public enum ParseFailure {
    /** The parse did not finish within the time limit; the worker was killed. */
    PARSE_TIMEOUT,
    /** A zip-based document (DOCX, ODT) has too many entries, expands too much, or nests archives. */
    ARCHIVE_LIMIT_EXCEEDED,
    /** The document needs a password. */
    ENCRYPTED_DOCUMENT,
    /** The bytes are not a document the parsers understand, or they are corrupt. */
    UNPARSEABLE_DOCUMENT,
    /** The document parsed but holds no text. */
    EMPTY_DOCUMENT,
    /** The document holds only images of text (a scan) and no OCR engine is installed. */
    OCR_REQUIRED,
    /** The file is larger than the configured maximum. */
    FILE_TOO_LARGE,
    /** The extracted text is longer than the configured maximum number of characters. */
    TEXT_LIMIT_EXCEEDED,
    /** The document has more pages than the configured maximum. */
    PAGE_LIMIT_EXCEEDED,
    /** The parser worker ran out of its bounded heap and was restarted. */
    MEMORY_LIMIT_EXCEEDED,
    /** The parser worker died for another reason and was restarted. */
    PARSER_CRASHED
}
