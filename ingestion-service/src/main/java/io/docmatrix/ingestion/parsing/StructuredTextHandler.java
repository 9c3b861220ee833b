package io.docmatrix.ingestion.parsing;

import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Page;
import io.docmatrix.ingestion.parsing.ParseOutcome.Row;
import io.docmatrix.ingestion.parsing.ParseOutcome.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the extracted text and its structure from Tika's XHTML events: paragraphs and headings become blocks separated
 * by a blank line, {@code <div class="page">} becomes a page, tables become one block with a line per row. Enforces the
 * character and page limits while the parser is still producing, so a huge document stops early.
 */
final class StructuredTextHandler extends DefaultHandler {

    /** Raised from inside the parser's callbacks when a limit is hit; also remembered, as parsers may wrap it. */
    static final class LimitReached extends SAXException {
        final ParseFailure code;

        LimitReached(ParseFailure code, String detail) {
            super(detail);
            this.code = code;
        }
    }

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "li",
            "pre",
            "blockquote",
            "div",
            "dt",
            "dd",
            "address",
            "section",
            "article",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "noscript");
    private static final Pattern HORIZONTAL_SPACE =
            Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2000-\\u200A\\u202F\\u3000]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private final int maxChars;
    private final int maxPages;

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder current = new StringBuilder();
    private final List<Page> pages = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Integer> headingLevels = new ArrayList<>();

    private int skipDepth;
    private int headingLevel;
    private int pageStart = -1;
    private int pageCount;
    private int tableDepth;
    private @Nullable List<List<String>> tableRows;
    private @Nullable List<String> row;
    private @Nullable StringBuilder cell;
    private @Nullable LimitReached limitReached;

    StructuredTextHandler(int maxChars, int maxPages) {
        this.maxChars = maxChars;
        this.maxPages = maxPages;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("table")) {
            tableDepth++;
            if (tableDepth == 1) {
                flush();
                tableRows = new ArrayList<>();
            }
            return;
        }
        if (tableDepth > 0) {
            // Inside a table every block boundary is just a space within the current cell.
            switch (name) {
                case "tr" -> {
                    if (tableDepth == 1) {
                        row = new ArrayList<>();
                    }
                }
                case "td", "th" -> {
                    if (tableDepth == 1) {
                        cell = new StringBuilder();
                    } else {
                        appendToCell(" ");
                    }
                }
                default -> appendToCell(" ");
            }
            return;
        }
        if (name.equals("div") && "page".equals(atts.getValue("class"))) {
            flush();
            pageCount++;
            if (pageCount > maxPages) {
                throw limit(ParseFailure.PAGE_LIMIT_EXCEEDED, "more than " + maxPages + " pages");
            }
            pageStart = text.length();
            return;
        }
        if (name.equals("br")) {
            current.append('\n');
            return;
        }
        if (BLOCKS.contains(name)) {
            flush();
            headingLevel = name.length() == 2 && name.charAt(0) == 'h' ? name.charAt(1) - '0' : 0;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (tableDepth > 0) {
            endTableElement(name);
            return;
        }
        if (name.equals("div") && pageStart >= 0) {
            flush();
            pages.add(new Page(pageCount, pageStart, text.length()));
            pageStart = -1;
            return;
        }
        if (BLOCKS.contains(name)) {
            flush();
            headingLevel = 0;
        }
    }

    private void endTableElement(String name) throws SAXException {
        switch (name) {
            case "table" -> {
                tableDepth--;
                if (tableDepth == 0) {
                    emitTable();
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && row != null && cell != null) {
                    row.add(normalizeInline(cell.toString()));
                    cell = null;
                } else {
                    appendToCell(" ");
                }
            }
            case "tr" -> {
                if (tableDepth == 1 && row != null && tableRows != null) {
                    if (row.stream().anyMatch(c -> !c.isEmpty())) {
                        tableRows.add(row);
                    }
                    row = null;
                }
            }
            default -> appendToCell(" ");
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) {
            return;
        }
        if (tableDepth > 0) {
            if (cell != null) {
                cell.append(ch, start, length);
            }
            return;
        }
        current.append(ch, start, length);
    }

    /** Tika's PDF and Office parsers separate lines with "ignorable" newlines; they are word boundaries here. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void endDocument() throws SAXException {
        flush();
        if (tableDepth > 0) {
            tableDepth = 0;
            emitTable();
        }
    }

    private void appendToCell(String s) {
        if (cell != null) {
            cell.append(s);
        }
    }

    /** Emits the buffered inline text as one or more blocks (plain text parsers put a whole file in one element). */
    private void flush() throws SAXException {
        if (current.length() == 0) {
            return;
        }
        String raw = sanitize(current.toString()).replace("\r\n", "\n").replace('\r', '\n');
        current.setLength(0);
        for (String paragraph : BLANK_LINES.split(raw)) {
            String normalized = normalizeLines(paragraph);
            if (normalized.isEmpty()) {
                continue;
            }
            if (headingLevel > 0) {
                emit(Block.Kind.HEADING, normalized);
                headingLevels.add(headingLevel);
                continue;
            }
            for (String part : splitAtSectionStarts(normalized)) {
                emit(Block.Kind.PARAGRAPH, part);
                headingLevels.add(0);
            }
        }
    }

    private void emitTable() throws SAXException {
        List<List<String>> rows = tableRows;
        tableRows = null;
        row = null;
        cell = null;
        if (rows == null || rows.isEmpty()) {
            return;
        }
        int start = separatedStart();
        List<Row> rowRanges = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            int rowStart = text.length();
            text.append(sanitize(String.join(" | ", rows.get(i))));
            rowRanges.add(new Row(rowStart, text.length()));
            checkChars();
        }
        blocks.add(new Block(Block.Kind.TABLE, start, text.length()));
        headingLevels.add(0);
        tables.add(new Table(start, text.length(), rowRanges));
    }

    private void emit(Block.Kind kind, String blockText) throws SAXException {
        int start = separatedStart();
        text.append(blockText);
        checkChars();
        blocks.add(new Block(kind, start, text.length()));
    }

    private int separatedStart() {
        if (text.length() > 0) {
            text.append("\n\n");
        }
        return text.length();
    }

    private void checkChars() throws SAXException {
        if (text.length() > maxChars) {
            throw limit(ParseFailure.TEXT_LIMIT_EXCEEDED, "more than " + maxChars + " characters of text");
        }
    }

    private LimitReached limit(ParseFailure code, String detail) {
        LimitReached reached = new LimitReached(code, detail);
        limitReached = reached;
        return reached;
    }

    @Nullable
    LimitReached limitReached() {
        return limitReached;
    }

    String text() {
        return text.toString();
    }

    List<Block> blocks() {
        return blocks;
    }

    /** The h1..h6 level of each block (0 for other blocks), parallel to {@link #blocks()}. */
    List<Integer> headingLevels() {
        return headingLevels;
    }

    List<Table> tables() {
        return tables;
    }

    /** The pages; a document without page markers is one page spanning the text. */
    List<Page> pages() {
        if (pages.isEmpty()) {
            return List.of(new Page(1, 0, text.length()));
        }
        return pages;
    }

    /** Splits a multi-line paragraph before each line that opens a contract section ("4.2 ...", "ARTICLE V"). */
    private static List<String> splitAtSectionStarts(String paragraph) {
        if (paragraph.indexOf('\n') < 0) {
            return List.of(paragraph);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        String previous = "";
        for (String line : paragraph.split("\n")) {
            if (part.length() > 0
                    && SectionDetector.startsSection(line)
                    && !SectionDetector.isUntitledArticle(previous)) {
                parts.add(part.toString());
                part.setLength(0);
            }
            if (part.length() > 0) {
                part.append('\n');
            }
            part.append(line);
            previous = line;
        }
        parts.add(part.toString());
        return parts;
    }

    private static String normalizeLines(String paragraph) {
        StringBuilder out = new StringBuilder(paragraph.length());
        for (String line : paragraph.split("\n")) {
            String normalized = normalizeInline(line);
            if (!normalized.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(normalized);
            }
        }
        return out.toString();
    }

    private static String normalizeInline(String s) {
        return HORIZONTAL_SPACE
                .matcher(s.replace('\n', ' ').replace('\r', ' '))
                .replaceAll(" ")
                .strip();
    }

    /**
     * Drops control characters (NUL cannot be stored in PostgreSQL text) and replaces lone surrogates, so the text
     * survives UTF-8 round trips with its offsets unchanged.
     */
    static String sanitize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))) {
                out.append(c);
            } else if (c != 0) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static String name(String localName, String qName) {
        return (localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    }
}
