package io.docmatrix.ingestion.chunking;

import io.docmatrix.embedding.Tokenizer;
import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Heading;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Row;
import io.docmatrix.ingestion.parsing.ParseOutcome.Table;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Structure-aware chunking. Sizes are in the embedding model's own tokens because that is the unit of its input limit:
 * text beyond it is silently ignored (MiniLM reads 128 tokens), so no chunk may exceed it. A chunk never spans two
 * sections (except to carry a bare heading into its first content), prefers paragraph and sentence boundaries, repeats
 * up to {@code overlapTokens} of whole trailing sentences from the previous chunk of the same section, and keeps a
 * table whole when it fits, else splits it by rows repeating the header row.
 */
public final class Chunker {

    private static final Pattern WORD = Pattern.compile("\\S+");
    /** Heading levels from here on are lettered or roman clauses, see the parser's section detection. */
    private static final int CLAUSE_LEVEL = 8;

    private final Tokenizer tokenizer;
    private final int targetTokens;
    private final int overlapTokens;

    public Chunker(Tokenizer tokenizer, int targetTokens, int overlapTokens) {
        this.tokenizer = tokenizer;
        this.targetTokens = Math.min(targetTokens, tokenizer.maxTokens());
        this.overlapTokens = Math.max(0, Math.min(overlapTokens, this.targetTokens / 2));
        if (this.targetTokens < 8) {
            throw new IllegalArgumentException("target of " + targetTokens + " tokens is too small");
        }
    }

    private enum Kind {
        HEADING,
        TEXT,
        TABLE
    }

    private record Piece(int start, int end, int section, Kind kind, int tokens, @Nullable String header) {}

    public List<Chunk> chunk(Parsed document) {
        String text = document.text();
        List<Heading> headings = document.headings().stream()
                .sorted(Comparator.comparingInt(Heading::start))
                .toList();
        List<List<String>> paths = headingPaths(headings);
        List<Piece> pieces = new ArrayList<>();
        for (Block block : document.blocks()) {
            int section = sectionAt(headings, block.start());
            if (block.kind() == Block.Kind.TABLE) {
                tablePieces(text, tableAt(document, block), section, pieces);
            } else if (isBareHeading(text, block, headings)) {
                splitText(text, block.start(), block.end(), section, Kind.HEADING, pieces);
            } else {
                splitText(text, block.start(), block.end(), section, Kind.TEXT, pieces);
            }
        }
        return pack(document, pieces, paths);
    }

    private List<Chunk> pack(Parsed document, List<Piece> pieces, List<List<String>> paths) {
        List<Chunk> chunks = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.kind() == Kind.TABLE) {
                emit(document, current, paths, chunks);
                current.clear();
                emit(document, List.of(piece), paths, chunks);
                continue;
            }
            if (!current.isEmpty()) {
                boolean sameSection = current.get(current.size() - 1).section() == piece.section();
                boolean onlyHeadings = current.stream().allMatch(p -> p.kind() == Kind.HEADING);
                if (!sameSection && !onlyHeadings) {
                    emit(document, current, paths, chunks);
                    current.clear();
                } else if (!fits(document.text(), current, piece)) {
                    List<Piece> overlap = sameSection ? overlapOf(current) : List.of();
                    emit(document, current, paths, chunks);
                    current.clear();
                    current.addAll(overlap);
                    while (!current.isEmpty() && !fits(document.text(), current, piece)) {
                        current.remove(0);
                    }
                }
            }
            current.add(piece);
        }
        emit(document, current, paths, chunks);
        return chunks;
    }

    /** Whole trailing sentences of the chunk just closed, up to the overlap budget. */
    private List<Piece> overlapOf(List<Piece> closed) {
        List<Piece> overlap = new ArrayList<>();
        int tokens = 0;
        for (int i = closed.size() - 1; i > 0; i--) {
            Piece p = closed.get(i);
            if (p.kind() != Kind.TEXT || tokens + p.tokens() - 2 > overlapTokens) {
                break;
            }
            tokens += p.tokens() - 2;
            overlap.add(0, p);
        }
        return overlap;
    }

    private boolean fits(String text, List<Piece> current, Piece next) {
        int estimate = next.tokens();
        for (Piece p : current) {
            estimate += p.tokens() - 2;
        }
        if (estimate > targetTokens + 4) {
            return false;
        }
        return tokenizer.countTokens(text.substring(current.get(0).start(), next.end())) <= targetTokens;
    }

    private void emit(Parsed document, List<Piece> pieces, List<List<String>> paths, List<Chunk> chunks) {
        if (pieces.isEmpty()) {
            return;
        }
        String text = document.text();
        int start = pieces.get(0).start();
        int end = pieces.get(pieces.size() - 1).end();
        Piece first = pieces.stream()
                .filter(p -> p.kind() != Kind.HEADING)
                .findFirst()
                .orElse(pieces.get(0));
        String header = pieces.size() == 1 ? pieces.get(0).header() : null;
        String chunkText = text.substring(start, end);
        int tokens = tokenizer.countTokens(header == null ? chunkText : header + "\n" + chunkText);
        if (tokens > targetTokens && pieces.size() > 1) {
            // The estimate was off (tokens across a piece boundary); emit two halves instead.
            int half = pieces.size() / 2;
            emit(document, List.copyOf(pieces.subList(0, half)), paths, chunks);
            emit(document, List.copyOf(pieces.subList(half, pieces.size())), paths, chunks);
            return;
        }
        chunks.add(new Chunk(
                chunks.size(),
                chunkText,
                start,
                end,
                document.pageAt(start),
                document.pageAt(Math.max(start, end - 1)),
                first.section() < 0 ? List.of() : paths.get(first.section()),
                tokens,
                header));
    }

    // ---- splitting into pieces that each fit the target ----

    private void splitText(String text, int start, int end, int section, Kind kind, List<Piece> out) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text.substring(start, end));
        int from = sentences.first();
        for (int to = sentences.next(); to != BreakIterator.DONE; from = to, to = sentences.next()) {
            fitRange(text, start + from, start + to, section, kind, null, out);
        }
    }

    /** Adds {@code [start, end)} (trimmed) as one piece if it fits, else as word windows, else character windows. */
    private void fitRange(
            String text, int start, int end, int section, Kind kind, @Nullable String header, List<Piece> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        int budget = targetTokens - headerTokens(header);
        int tokens = tokenizer.countTokens(text.substring(start, end));
        if (tokens <= budget) {
            out.add(new Piece(start, end, section, kind, tokens, header));
            return;
        }
        Matcher words = WORD.matcher(text).region(start, end);
        int windowStart = -1;
        int windowEnd = -1;
        int windowTokens = 2;
        while (words.find()) {
            int wordTokens = tokenizer.countTokens(words.group()) - 2;
            if (wordTokens + 2 > budget) {
                flushWindow(text, windowStart, windowEnd, section, kind, header, out);
                windowStart = -1;
                windowTokens = 2;
                characterWindows(text, words.start(), words.end(), section, kind, header, budget, out);
                continue;
            }
            if (windowStart >= 0 && windowTokens + wordTokens > budget) {
                flushWindow(text, windowStart, windowEnd, section, kind, header, out);
                windowStart = -1;
                windowTokens = 2;
            }
            if (windowStart < 0) {
                windowStart = words.start();
            }
            windowEnd = words.end();
            windowTokens += wordTokens;
        }
        flushWindow(text, windowStart, windowEnd, section, kind, header, out);
    }

    private void flushWindow(
            String text, int start, int end, int section, Kind kind, @Nullable String header, List<Piece> out) {
        if (start < 0) {
            return;
        }
        int tokens = tokenizer.countTokens(text.substring(start, end));
        int budget = targetTokens - headerTokens(header);
        if (tokens <= budget) {
            out.add(new Piece(start, end, section, kind, tokens, header));
        } else {
            characterWindows(text, start, end, section, kind, header, budget, out);
        }
    }

    /** For text without usable spaces (a giant token): the longest prefixes that fit, found by bisection. */
    private void characterWindows(
            String text,
            int start,
            int end,
            int section,
            Kind kind,
            @Nullable String header,
            int budget,
            List<Piece> out) {
        int from = start;
        while (from < end) {
            int lo = from + 1;
            int hi = end;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (tokenizer.countTokens(text.substring(from, mid)) <= budget) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            if (lo < end && Character.isHighSurrogate(text.charAt(lo - 1)) && lo - 1 > from) {
                lo--;
            }
            out.add(new Piece(from, lo, section, kind, tokenizer.countTokens(text.substring(from, lo)), header));
            from = lo;
        }
    }

    private void tablePieces(String text, @Nullable Table table, int section, List<Piece> out) {
        if (table == null) {
            return;
        }
        int whole = tokenizer.countTokens(text.substring(table.start(), table.end()));
        if (whole <= targetTokens || table.rows().size() < 2) {
            if (whole <= targetTokens) {
                out.add(new Piece(table.start(), table.end(), section, Kind.TABLE, whole, null));
            } else {
                fitRange(text, table.start(), table.end(), section, Kind.TABLE, null, out);
            }
            return;
        }
        Row headerRow = table.rows().get(0);
        String header = text.substring(headerRow.start(), headerRow.end());
        if (headerTokens(header) > targetTokens / 2) {
            fitRange(text, table.start(), table.end(), section, Kind.TABLE, null, out);
            return;
        }
        // The first part carries the header row in its own text; later parts repeat it for embedding only.
        int groupStart = headerRow.start();
        int groupEnd = headerRow.end();
        String repeated = null;
        for (Row row : table.rows().subList(1, table.rows().size())) {
            int budget = targetTokens - headerTokens(repeated);
            if (tokenizer.countTokens(text.substring(groupStart, row.end())) > budget) {
                fitRange(text, groupStart, groupEnd, section, Kind.TABLE, repeated, out);
                repeated = header;
                groupStart = row.start();
            }
            groupEnd = row.end();
        }
        fitRange(text, groupStart, groupEnd, section, Kind.TABLE, repeated, out);
    }

    /** Tokens a repeated header adds: its own minus the two special tokens counted once for the whole chunk. */
    private int headerTokens(@Nullable String header) {
        return header == null ? 0 : tokenizer.countTokens(header) - 2 + 1;
    }

    // ---- structure ----

    /**
     * A block that is only a heading (styled, or a numbered/all-caps title line with no content of its own) is carried
     * into the chunk of the content that follows. Lettered and roman clauses ({@code (a)}) are content, never bare.
     */
    private static boolean isBareHeading(String text, Block block, List<Heading> headings) {
        if (block.kind() == Block.Kind.HEADING) {
            return true;
        }
        String blockText = normalized(text.substring(block.start(), block.end()));
        return headings.stream()
                .anyMatch(h -> h.start() == block.start()
                        && h.level() < CLAUSE_LEVEL
                        && normalized(h.title()).equals(blockText));
    }

    private static String normalized(String s) {
        String collapsed = s.replaceAll("\\s+", " ").strip();
        return collapsed.endsWith(".") || collapsed.endsWith(":")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static @Nullable Table tableAt(Parsed document, Block block) {
        return document.tables().stream()
                .filter(t -> t.start() == block.start())
                .findFirst()
                .orElse(null);
    }

    private static int sectionAt(List<Heading> headings, int offset) {
        int section = -1;
        for (int i = 0; i < headings.size() && headings.get(i).start() <= offset; i++) {
            section = i;
        }
        return section;
    }

    /** The path of each heading: the stack of headings enclosing it, itself last. */
    private static List<List<String>> headingPaths(List<Heading> headings) {
        List<List<String>> paths = new ArrayList<>();
        List<Heading> stack = new ArrayList<>();
        for (Heading heading : headings) {
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level() >= heading.level()) {
                stack.remove(stack.size() - 1);
            }
            stack.add(heading);
            paths.add(stack.stream().map(Heading::title).toList());
        }
        return paths;
    }
}
