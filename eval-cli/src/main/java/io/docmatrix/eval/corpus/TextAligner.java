package io.docmatrix.eval.corpus;

import java.util.Optional;

/**
 * Finds where a fragment of extracted text sits in the source text: exactly first (nearest the expected position, as
 * a repeated sentence may occur twice), then ignoring differences in whitespace, which is what text extraction most
 * often changes (line endings, trailing spaces, collapsed blank lines).
 */
final class TextAligner {

    private TextAligner() {}

    /** The source range {@code [start, end)} holding {@code fragment}, or empty when it is not there. */
    static Optional<int[]> locate(String source, String fragment, int hint) {
        if (fragment.isEmpty()) {
            return Optional.empty();
        }
        int exact = nearest(source, fragment, hint);
        if (exact >= 0) {
            return Optional.of(new int[] {exact, exact + fragment.length()});
        }
        Collapsed collapsedSource = Collapsed.of(source);
        String collapsedFragment = Collapsed.of(fragment).text.strip();
        if (collapsedFragment.isEmpty()) {
            return Optional.empty();
        }
        int at = nearest(collapsedSource.text, collapsedFragment, collapsedSource.collapsedIndex(hint));
        if (at < 0) {
            return Optional.empty();
        }
        int start = collapsedSource.original[at];
        int end = collapsedSource.original[at + collapsedFragment.length() - 1] + 1;
        return Optional.of(new int[] {start, end});
    }

    private static int nearest(String haystack, String needle, int hint) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            long distance = Math.abs((long) at - hint);
            if (distance < bestDistance) {
                best = at;
                bestDistance = distance;
            }
            if (at > hint) {
                break; // later occurrences are only further away
            }
        }
        return best;
    }

    /** A text with every whitespace run turned into one space, remembering each kept character's original index. */
    private record Collapsed(String text, int[] original) {

        static Collapsed of(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int[] original = new int[text.length()];
            boolean inSpace = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    if (!inSpace) {
                        original[out.length()] = i;
                        out.append(' ');
                        inSpace = true;
                    }
                } else {
                    original[out.length()] = i;
                    out.append(c);
                    inSpace = false;
                }
            }
            return new Collapsed(out.toString(), original);
        }

        int collapsedIndex(int originalIndex) {
            for (int i = 0; i < text.length(); i++) {
                if (original[i] >= originalIndex) {
                    return i;
                }
            }
            return text.length();
        }
    }
}
