package io.docmatrix.ingestion.parsing;

import java.util.List;
import java.util.Objects;

/** What parsing a document produced: its text with structure, or a stable failure code. */
public sealed interface ParseOutcome {

    /**
     * A parsed document. All offsets are {@code char} indices into {@link #text()}, end exclusive.
     *
     * @param mediaType the detected media type, e.g. {@code application/pdf}
     * @param text the extracted text: blocks separated by a blank line, table rows by newlines, cells by {@code " | "}
     * @param pages the pages in order, together covering the whole text; formats without pages have one page
     * @param blocks paragraphs, headings and tables in order
     * @param headings section starts (from the document's own heading styles and from contract numbering)
     * @param tables tables, each with its rows; the first row is the header row
     */
    record Parsed(
            String mediaType,
            String text,
            List<Page> pages,
            List<Block> blocks,
            List<Heading> headings,
            List<Table> tables)
            implements ParseOutcome {
        public Parsed {
            Objects.requireNonNull(text);
            pages = List.copyOf(pages);
            blocks = List.copyOf(blocks);
            headings = List.copyOf(headings);
            tables = List.copyOf(tables);
        }

        /** The number of the page holding the character at {@code offset} (1-based). */
        public int pageAt(int offset) {
            int number = pages.isEmpty() ? 1 : pages.get(0).number();
            for (Page page : pages) {
                if (page.start() > offset) {
                    break;
                }
                number = page.number();
            }
            return number;
        }
    }

    /** A failed parse; {@code detail} is for operators, never shown to users as is. */
    record Failed(ParseFailure code, String detail) implements ParseOutcome {}

    /** A page: {@code [start, end)} of the text. */
    record Page(int number, int start, int end) {}

    /** A paragraph, heading or table: {@code [start, end)} of the text. */
    record Block(Kind kind, int start, int end) {
        public enum Kind {
            PARAGRAPH,
            HEADING,
            TABLE
        }
    }

    /**
     * The start of a section.
     *
     * @param level nesting depth, smaller is outer (ARTICLE and h1 are 1, "4.2" is 3, "(a)" is 8)
     * @param title a short display title, e.g. {@code "4.2 Termination for Convenience"}
     * @param start where the heading's block starts in the text
     */
    record Heading(int level, String title, int start) {}

    /** A table of the text; {@code rows.get(0)} is the header row. */
    record Table(int start, int end, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /** A table row: {@code [start, end)} of the text. */
    record Row(int start, int end) {}
}
