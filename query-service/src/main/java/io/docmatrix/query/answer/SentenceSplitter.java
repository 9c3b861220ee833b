package io.docmatrix.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences as character spans of the original, so a sentence is always a verbatim substring. A
 * period ends a sentence only before whitespace and a plausible sentence start, and not after a known abbreviation,
 * an initial ("J. Smith") or a section number ("Section 4. The" stays split, "Section 4.2 applies" never splits).
 * Paragraph breaks, list items and short heading lines end sentences too.
 */
final class SentenceSplitter {

    /** A sentence: {@code text.substring(start, end)}, trimmed of surrounding whitespace. */
    record Span(int start, int end) {
        String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "inc", "ltd", "co", "corp", "llc", "plc", "vs",
            "etc", "e.g", "i.e", "cf", "al", "approx", "dept", "est", "rev", "gen", "gov", "govt", "col", "capt", "lt",
            "sgt", "u.s", "u.k", "u.n", "a.m", "p.m", "ph.d", "ibid", "viz", "ca", "incl", "assn", "bros");

    /** Abbreviations that are also words ("no", "art", "sec"): they protect a period only before a number. */
    private static final Set<String> BEFORE_NUMBERS = Set.of(
            "no", "nos", "p", "pp", "art", "arts", "sec", "secs", "fig", "figs", "para", "paras", "ch", "vol", "vols",
            "op", "cl", "subsec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private SentenceSplitter() {}

    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' && lineBreakEndsSentence(text, i)) {
                add(spans, text, start, i);
                start = i + 1;
            } else if ((c == '.' || c == '!' || c == '?' || c == '…') && endsSentence(text, i)) {
                int end = i + 1;
                // closing quotes and brackets belong to the sentence they close
                while (end < n && "\"'”’)]".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                add(spans, text, start, end);
                start = end;
                i = end - 1;
            }
        }
        add(spans, text, start, n);
        return spans;
    }

    private static void add(List<Span> spans, String text, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s && hasLetterOrDigit(text, s, e)) {
            spans.add(new Span(s, e));
        }
    }

    private static boolean hasLetterOrDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String text, int i) {
        int n = text.length();
        int next = i + 1;
        while (next < n && "\"'”’)]".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next >= n) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false; // "4.2", "e.g.," "U.S.-based", "example.com"
        }
        int following = next;
        while (following < n && Character.isWhitespace(text.charAt(following))) {
            following++;
        }
        if (following >= n) {
            return true;
        }
        char start = text.charAt(following);
        if (text.charAt(i) != '.') {
            return Character.isUpperCase(start) || Character.isDigit(start) || "\"'“‘([".indexOf(start) >= 0;
        }
        if (i > 0 && text.charAt(i - 1) == ']') {
            return true; // after a citation tag ("... euros [C1]. then") whatever follows
        }
        if (Character.isLowerCase(start)) {
            return false; // "approx. five", "etc. and"
        }
        if (isListMarker(text, i)) {
            return false; // "1. First item", "a. Scope"
        }
        String word = wordBefore(text, i).toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(word) || (Character.isDigit(start) && BEFORE_NUMBERS.contains(word))) {
            return false;
        }
        // an initial: "J. Smith", "U. S."
        return !(word.length() == 1 && Character.isUpperCase(text.charAt(i - 1)));
    }

    /** Whether the period at {@code i} closes a short number or letter that opens its line ("2." or "b."). */
    private static boolean isListMarker(String text, int i) {
        int s = i;
        while (s > 0 && Character.isLetterOrDigit(text.charAt(s - 1)) && i - s < 3) {
            s--;
        }
        if (s == i) {
            return false;
        }
        int lineStart = s;
        while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
            lineStart--;
        }
        return lineStart == 0 || text.charAt(lineStart - 1) == '\n';
    }

    /** The token before the period at {@code i}, including inner periods ("e.g", "U.S"). */
    private static String wordBefore(String text, int i) {
        int s = i;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        return text.substring(s, i);
    }

    private static boolean lineBreakEndsSentence(String text, int i) {
        int n = text.length();
        int next = i + 1;
        while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t' || text.charAt(next) == '\r')) {
            next++;
        }
        if (next >= n || text.charAt(next) == '\n') {
            return true; // paragraph break
        }
        if (startsListItem(text, next)) {
            return true;
        }
        // A short line without closing punctuation followed by a capital is a heading or a list line, not a wrap.
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        String line = text.substring(lineStart, i).strip();
        if (line.isEmpty()) {
            return true;
        }
        char last = line.charAt(line.length() - 1);
        boolean open = Character.isLetterOrDigit(last) || last == ')' || last == ':';
        return open && line.length() <= 60 && Character.isUpperCase(text.charAt(next)) && !line.endsWith(",");
    }

    /** "- x", "* x", "• x", "1. x", "1) x", "a) x", "(iv) x" */
    private static boolean startsListItem(String text, int at) {
        int n = text.length();
        char c = text.charAt(at);
        if ((c == '-' || c == '*' || c == '•' || c == '–') && at + 1 < n && text.charAt(at + 1) == ' ') {
            return true;
        }
        int j = at;
        if (c == '(') {
            j++;
        }
        int markStart = j;
        while (j < n && j - markStart < 4 && Character.isLetterOrDigit(text.charAt(j))) {
            j++;
        }
        if (j == markStart || j >= n - 1) {
            return false;
        }
        String mark = text.substring(markStart, j);
        boolean numbered = mark.chars().allMatch(Character::isDigit)
                || mark.length() == 1
                || mark.chars().allMatch(ch -> "ivxlc".indexOf(ch) >= 0);
        char after = text.charAt(j);
        return numbered && (after == '.' || after == ')') && text.charAt(j + 1) == ' ';
    }
}
