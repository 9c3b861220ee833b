package io.docmatrix.ingestion.pipeline;

import io.docmatrix.ingestion.parsing.ParseFailure;

/** The human-readable detail clients see for each parse failure; stable, and free of parser internals. */
final class FailureMessages {

    private FailureMessages() {}

    static String of(ParseFailure code) {
        return switch (code) {
            case PARSE_TIMEOUT -> "Parsing took longer than the time allowed per document.";
            case ARCHIVE_LIMIT_EXCEEDED ->
                "The file's archive structure exceeds the limits (entries, expansion ratio or nesting).";
            case ENCRYPTED_DOCUMENT -> "The document is encrypted or password protected.";
            case UNPARSEABLE_DOCUMENT -> "The file is damaged or not a valid document of its type.";
            case EMPTY_DOCUMENT -> "The document contains no text.";
            case OCR_REQUIRED -> "The document has only scanned images; text recognition (OCR) is needed.";
            case FILE_TOO_LARGE -> "The file is larger than the parser accepts.";
            case TEXT_LIMIT_EXCEEDED -> "The document has more text than the limit per document.";
            case PAGE_LIMIT_EXCEEDED -> "The document has more pages than the limit per document.";
            case MEMORY_LIMIT_EXCEEDED -> "Parsing the document needed more memory than allowed.";
            case PARSER_CRASHED -> "The parser stopped unexpectedly on this document.";
        };
    }
}
