package io.docmatrix.analysis.comparison;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level difference of two texts: the longest common subsequence of their words, reported as runs of kept,
 * removed and added words. Whitespace differences alone are no change.
 */
public final class WordDiff {

    // Quadratic in memory; clause spans are far shorter, and longer texts are compared as one replacement.
    static final int MAX_WORDS = 3_000;

    private WordDiff() {}

    public record Segment(Op op, String text) {}

    public enum Op {
        EQUAL,
        DELETE,
        INSERT
    }

    public static List<Segment> diff(String left, String right) {
        String[] a = words(left);
        String[] b = words(right);
        if ((long) a.length * b.length > (long) MAX_WORDS * MAX_WORDS) {
            List<Segment> replaced = new ArrayList<>();
            add(replaced, Op.DELETE, String.join(" ", a));
            add(replaced, Op.INSERT, String.join(" ", b));
            return replaced;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(segments, Op.EQUAL, a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removed words before added ones, as a reader expects a replacement.
                add(segments, Op.DELETE, a[i]);
                i++;
            } else {
                add(segments, Op.INSERT, b[j]);
                j++;
            }
        }
        return segments;
    }

    /** True when the texts have the same words in the same order. */
    public static boolean sameWords(String left, String right) {
        return List.of(words(left)).equals(List.of(words(right)));
    }

    private static String[] words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static void add(List<Segment> segments, Op op, String word) {
        if (word.isEmpty()) {
            return;
        }
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).op() == op) {
            segments.set(last, new Segment(op, segments.get(last).text() + " " + word));
        } else {
            segments.add(new Segment(op, word));
        }
    }
}
