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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Structure-aware chunking. Sizes are in the embedding model's own tokens because that is the unit of its input limit:
 * text beyond it is silently ignored (MiniLM reads 128 tokens), so no chunk may exceed it. A chunk never spans two
 * sections (except to carry a bare heading into its first content), prefers paragraph and sentence boundaries, repeats
 * up to {@code overlapTokens} of whole trailing sentences from the previous chunk of the same section, and keeps a
 * table whole when it fits, else splits it by rows repeating the header row.
 *
 * <p>Untrusted documents decide the input, so the work is bounded: chunking is linear in the number of blocks and
 * headings, a chunk never holds more than {@link #MAX_CHARS_PER_TOKEN} characters per target token (the tokenizer reads
 * a word longer than 100 characters as one unknown token, so a 5 MB run without spaces would otherwise be one chunk, one
 * 5 MB event that Kafka refuses), and a document yielding more than {@code maxChunks} chunks stops with
 * {@link ChunkLimitExceededException} before anything is embedded.
 */
public final class Chunker {

    private static final Pattern WORD = Pattern.compile("\\S+");
    /** Heading levels from here on are lettered or roman clauses, see the parser's section detection. */
    private static final int CLAUSE_LEVEL = 8;
    /** Generous for prose (about 5 characters per token), URLs and numbers; only runs without spaces reach it. */
    static final int MAX_CHARS_PER_TOKEN = 24;
    /** About 100 s of embedding at this machine's ~100 chunks/s; a 2,000-page contract makes about 6,000. */
    public static final int DEFAULT_MAX_CHUNKS = 10_000;
    /** Below the target by this many tokens, the pieces' token sum is trusted without tokenizing the joined text. */
    private static final int SUM_MARGIN = 16;

    private final Tokenizer tokenizer;
    private final int targetTokens;
    private final int overlapTokens;
    private final int maxChars;
    private final int maxChunks;

    public Chunker(Tokenizer tokenizer, int targetTokens, int overlapTokens) {
        this(tokenizer, targetTokens, overlapTokens, DEFAULT_MAX_CHUNKS);
    }

    /** @param maxChunks a document that needs more chunks fails instead of occupying a worker for its embedding */
    public Chunker(Tokenizer tokenizer, int targetTokens, int overlapTokens, int maxChunks) {
        this.tokenizer = tokenizer;
        this.maxChunks = maxChunks;
        this.targetTokens = Math.min(targetTokens, tokenizer.maxTokens());
        this.overlapTokens = Math.max(0, Math.min(overlapTokens, this.targetTokens / 2));
        if (this.targetTokens < 8) {
            throw new IllegalArgumentException("target of " + targetTokens + " tokens is too small");
        }
        if (maxChunks < 1) {
            throw new IllegalArgumentException("maxChunks must be positive: " + maxChunks);
        }
        this.maxChars = this.targetTokens * MAX_CHARS_PER_TOKEN;
    }

    /** The document needs more chunks than one document may have; nothing has been embedded yet. */
    public static final class ChunkLimitExceededException extends RuntimeException {
        ChunkLimitExceededException(int maxChunks) {
            super("more than " + maxChunks + " chunks");
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
        int[] headingStarts = headings.stream().mapToInt(Heading::start).toArray();
        Map<Integer, List<Heading>> headingsByStart = headings.stream().collect(Collectors.groupingBy(Heading::start));
        Map<Integer, Table> tablesByStart = new HashMap<>();
        document.tables().forEach(t -> tablesByStart.putIfAbsent(t.start(), t));
        List<Piece> pieces = new ArrayList<>();
        for (Block block : document.blocks()) {
            int section = sectionAt(headingStarts, block.start());
            if (block.kind() == Block.Kind.TABLE) {
                tablePieces(text, tablesByStart.get(block.start()), section, pieces);
            } else if (isBareHeading(text, block, headingsByStart.getOrDefault(block.start(), List.of()))) {
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
        if (estimate > targetTokens + 4 || next.end() - current.get(0).start() > maxChars) {
            return false;
        }
        // Pieces only merge across a few boundaries, where the sum can be off by a token or two; well below the target
        // the sum decides, so a chunk of many one-token pieces (a list of bare headings) is not tokenized once per
        // piece. emit() counts every chunk exactly and splits one that came out too large.
        if (estimate <= targetTokens - SUM_MARGIN) {
            return true;
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
        if ((tokens > targetTokens || end - start > maxChars) && pieces.size() > 1) {
            // The estimate was off (tokens across a piece boundary); emit two halves instead.
            int half = pieces.size() / 2;
            emit(document, List.copyOf(pieces.subList(0, half)), paths, chunks);
            emit(document, List.copyOf(pieces.subList(half, pieces.size())), paths, chunks);
            return;
        }
        if (chunks.size() == maxChunks) {
            throw new ChunkLimitExceededException(maxChunks);
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
        int tokens = end - start > maxChars ? Integer.MAX_VALUE : tokenizer.countTokens(text.substring(start, end));
        if (tokens <= budget) {
            out.add(new Piece(start, end, section, kind, tokens, header));
            return;
        }
        Matcher words = WORD.matcher(text).region(start, end);
        int windowStart = -1;
        int windowEnd = -1;
        int windowTokens = 2;
        while (words.find()) {
            boolean longWord = words.end() - words.start() > maxChars;
            int wordTokens = longWord ? Integer.MAX_VALUE - 2 : tokenizer.countTokens(words.group()) - 2;
            if (longWord || wordTokens + 2 > budget) {
                flushWindow(text, windowStart, windowEnd, section, kind, header, out);
                windowStart = -1;
                windowTokens = 2;
                characterWindows(text, words.start(), words.end(), section, kind, header, budget, out);
                continue;
            }
            if (windowStart >= 0 && (windowTokens + wordTokens > budget || words.end() - windowStart > maxChars)) {
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
        int tokens = end - start > maxChars ? Integer.MAX_VALUE : tokenizer.countTokens(text.substring(start, end));
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
            int hi = Math.min(end, from + maxChars);
            // A run the tokenizer reads as a few unknown tokens fits whole: one count instead of a bisection.
            if (tokenizer.countTokens(text.substring(from, hi)) <= budget) {
                lo = hi;
            }
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
    private static boolean isBareHeading(String text, Block block, List<Heading> headingsAtStart) {
        if (block.kind() == Block.Kind.HEADING) {
            return true;
        }
        String blockText = normalized(text.substring(block.start(), block.end()));
        return headingsAtStart.stream()
                .anyMatch(h -> h.level() < CLAUSE_LEVEL && normalized(h.title()).equals(blockText));
    }

    private static String normalized(String s) {
        String collapsed = s.replaceAll("\\s+", " ").strip();
        return collapsed.endsWith(".") || collapsed.endsWith(":")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    /** The index of the last heading starting at or before {@code offset} (-1: none), by bisection of the sorted starts. */
    static int sectionAt(int[] headingStarts, int offset) {
        int lo = 0;
        int hi = headingStarts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (headingStarts[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
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
