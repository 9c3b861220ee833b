package io.docmatrix.analysis.clause;

import io.docmatrix.embedding.Tokenizer;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chunks plain text approximately as ingestion does: paragraphs cut into sentences, packed to a token target in the
 * model's own tokens, with whole trailing sentences repeated as overlap. Offsets are exact.
 */
final class EvalChunker {

    record Piece(int start, int end, int tokens) {}

    record TextChunk(int start, int end) {}

    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");

    private final Tokenizer tokenizer;
    private final int target;
    private final int overlap;

    EvalChunker(Tokenizer tokenizer, int target, int overlap) {
        this.tokenizer = tokenizer;
        this.target = Math.min(target, tokenizer.maxTokens());
        this.overlap = overlap;
    }

    List<TextChunk> chunk(String text) {
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        Matcher m = PARAGRAPH.matcher(text);
        while (m.find()) {
            sentences(text, from, m.start(), pieces);
            from = m.end();
        }
        sentences(text, from, text.length(), pieces);
        List<TextChunk> chunks = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        int tokens = 0;
        for (Piece p : pieces) {
            if (!current.isEmpty() && tokens + p.tokens() > target) {
                chunks.add(new TextChunk(
                        current.get(0).start(), current.get(current.size() - 1).end()));
                List<Piece> carried = new ArrayList<>();
                int carriedTokens = 0;
                for (int i = current.size() - 1; i > 0; i--) {
                    if (carriedTokens + current.get(i).tokens() > overlap) {
                        break;
                    }
                    carriedTokens += current.get(i).tokens();
                    carried.add(0, current.get(i));
                }
                current = carried;
                tokens = carriedTokens;
            }
            current.add(p);
            tokens += p.tokens();
        }
        if (!current.isEmpty()) {
            chunks.add(new TextChunk(
                    current.get(0).start(), current.get(current.size() - 1).end()));
        }
        return chunks;
    }

    private void sentences(String text, int start, int end, List<Piece> out) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text.substring(start, end));
        int from = it.first();
        for (int to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
            words(text, start + from, start + to, out);
        }
    }

    /** A sentence that does not fit alone is cut into word windows that do. */
    private void words(String text, int start, int end, List<Piece> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        int tokens = tokenizer.countTokens(text.substring(start, end)) - 2;
        if (tokens + 2 <= target) {
            out.add(new Piece(start, end, tokens));
            return;
        }
        int windowChars = Math.max(200, (int) ((end - start) * (double) (target - 10) / tokens));
        for (int from = start; from < end; ) {
            int to = Math.min(end, from + windowChars);
            if (to < end) {
                int space = text.lastIndexOf(' ', to);
                to = space > from ? space : to;
            }
            words(text, from, to, out);
            from = to;
        }
    }
}
