package io.docmatrix.eval.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How one document's platform offsets relate to its source text. For a {@code .txt} upload the extracted text should be
 * the file text, and then every chunk's text equals the source substring at its own offsets ({@link #identity()}).
 * Otherwise each chunk is located in the source and platform ranges are shifted chunk by chunk.
 */
public final class OffsetMap {

    private final List<Alignment> alignments;
    private final Map<String, Alignment> byChunkId;
    private final boolean identity;
    private final String extractedText;
    private final String source;

    private OffsetMap(List<Alignment> alignments, String extractedText, String source) {
        this.source = source;
        this.alignments = alignments.stream()
                .sorted(Comparator.comparingInt(Alignment::platformStart))
                .toList();
        this.byChunkId =
                alignments.stream().collect(Collectors.toMap(Alignment::chunkId, Function.identity(), (a, b) -> a));
        this.identity = alignments.stream().allMatch(Alignment::exact);
        this.extractedText = extractedText;
    }

    /** Compares every chunk with the source and locates the ones that differ. */
    public static OffsetMap of(String source, List<PlatformChunk> chunks) {
        List<Alignment> alignments = new ArrayList<>();
        for (PlatformChunk chunk : chunks) {
            boolean exact = chunk.start() >= 0
                    && chunk.end() <= source.length()
                    && chunk.start() <= chunk.end()
                    && source.substring(chunk.start(), chunk.end()).equals(chunk.text());
            if (exact) {
                alignments.add(new Alignment(
                        chunk.chunkId(), chunk.start(), chunk.end(), chunk.start(), chunk.end(), true, chunk.text()));
            } else {
                Optional<int[]> located = TextAligner.locate(source, chunk.text(), chunk.start());
                located.ifPresent(range -> alignments.add(new Alignment(
                        chunk.chunkId(), chunk.start(), chunk.end(), range[0], range[1], false, chunk.text())));
                if (located.isEmpty()) {
                    alignments.add(
                            new Alignment(chunk.chunkId(), chunk.start(), chunk.end(), -1, -1, false, chunk.text()));
                }
            }
        }
        return new OffsetMap(alignments, reconstruct(chunks), source);
    }

    /** True when every chunk's text equals the source at the platform's own offsets. */
    public boolean identity() {
        return identity;
    }

    public long chunksExact() {
        return alignments.stream().filter(Alignment::exact).count();
    }

    public long chunksRemapped() {
        return alignments.stream()
                .filter(a -> !a.exact() && a.sourceStart() >= 0)
                .count();
    }

    public long chunksUnlocated() {
        return alignments.stream().filter(a -> a.sourceStart() < 0).count();
    }

    /**
     * A platform range in source coordinates. With a chunk id the chunk's own alignment is used; without one, the chunk
     * containing the range's start. Empty when that chunk could not be located in the source.
     */
    public Optional<int[]> toSource(int start, int end, @Nullable String chunkId) {
        if (identity) {
            return Optional.of(new int[] {start, end});
        }
        Alignment alignment = chunkId == null ? null : byChunkId.get(chunkId);
        if (alignment == null) {
            alignment = alignments.stream()
                    .filter(a -> a.platformStart() <= start && start < Math.max(a.platformEnd(), a.platformStart() + 1))
                    .findFirst()
                    .orElse(null);
        }
        if (alignment == null || alignment.sourceStart() < 0) {
            return Optional.empty();
        }
        if (start == alignment.platformStart() && end == alignment.platformEnd()) {
            return Optional.of(new int[] {alignment.sourceStart(), alignment.sourceEnd()});
        }
        // Inside a located chunk, find the sub-range's own text (extraction may have changed whitespace anywhere in
        // the chunk, so a constant shift drifts); fall back to the shift when that text cannot be found.
        int relativeStart = Math.max(0, Math.min(alignment.text().length(), start - alignment.platformStart()));
        int relativeEnd = Math.max(relativeStart, Math.min(alignment.text().length(), end - alignment.platformStart()));
        String fragment = alignment.text().substring(relativeStart, relativeEnd);
        String window = source.substring(alignment.sourceStart(), alignment.sourceEnd());
        Optional<int[]> inWindow =
                fragment.isBlank() ? Optional.empty() : TextAligner.locate(window, fragment, relativeStart);
        if (inWindow.isPresent()) {
            return Optional.of(
                    new int[] {alignment.sourceStart() + inWindow.get()[0], alignment.sourceStart() + inWindow.get()[1]
                    });
        }
        int shift = alignment.sourceStart() - alignment.platformStart();
        int mappedStart = Math.min(alignment.sourceEnd(), Math.max(alignment.sourceStart(), start + shift));
        int mappedEnd = Math.max(mappedStart, Math.min(alignment.sourceEnd(), end + shift));
        return Optional.of(new int[] {mappedStart, mappedEnd});
    }

    /**
     * The platform's extracted text over {@code [start, end)}, rebuilt from the chunks that cover it, or empty when a
     * character of the range is in no chunk. Citations are checked against this: a quote must be what the platform
     * itself extracted at those offsets.
     */
    public Optional<String> extracted(int start, int end) {
        if (start < 0 || end < start || end > extractedText.length()) {
            return Optional.empty();
        }
        String slice = extractedText.substring(start, end);
        return slice.indexOf('\u0000') >= 0 ? Optional.empty() : Optional.of(slice);
    }

    private static String reconstruct(List<PlatformChunk> chunks) {
        int length = chunks.stream().mapToInt(PlatformChunk::end).max().orElse(0);
        char[] text = new char[Math.max(0, length)];
        for (PlatformChunk chunk : chunks) {
            // Only chunks whose text fills their range are trusted (a chunk with a heading prefix or trimmed text is
            // not).
            if (chunk.start() >= 0
                    && chunk.end() - chunk.start() == chunk.text().length()) {
                chunk.text().getChars(0, chunk.text().length(), text, chunk.start());
            }
        }
        return new String(text);
    }

    private record Alignment(
            String chunkId,
            int platformStart,
            int platformEnd,
            int sourceStart,
            int sourceEnd,
            boolean exact,
            String text) {}
}
