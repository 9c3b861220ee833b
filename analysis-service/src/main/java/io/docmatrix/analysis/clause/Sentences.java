package io.docmatrix.analysis.clause;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentence spans of a chunk's text, trimmed. Contracts hold sentences of a whole page, so a span longer than
 * {@link #MAX_CHARS} is cut at a semicolon or a space: the piece stays readable and embeds well inside the model's window.
 */
final class Sentences {

    static final int MAX_CHARS = 600;
    private static final int MIN_CHARS = 12;

    record Span(int start, int end) {}

    private Sentences() {}

    static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        int from = it.first();
        for (int to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
            // Blank lines separate headings and list items that BreakIterator would glue to the next sentence.
            int cursor = from;
            for (int gap = text.indexOf("\n\n", cursor); gap >= 0 && gap < to; gap = text.indexOf("\n\n", cursor)) {
                add(text, cursor, gap, spans);
                cursor = gap + 2;
            }
            add(text, cursor, to, spans);
        }
        return spans;
    }

    private static void add(String text, int start, int end, List<Span> out) {
        while (end - start > MAX_CHARS) {
            int limit = start + MAX_CHARS - 1;
            int cut = text.lastIndexOf(';', limit);
            if (cut <= start + MAX_CHARS / 3) {
                cut = text.lastIndexOf(' ', limit);
            }
            if (cut <= start + MAX_CHARS / 3) {
                cut = limit;
            }
            trimmed(text, start, cut + 1, out);
            start = cut + 1;
        }
        trimmed(text, start, end, out);
    }

    private static void trimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start >= MIN_CHARS) {
            out.add(new Span(start, end));
        }
    }
}
