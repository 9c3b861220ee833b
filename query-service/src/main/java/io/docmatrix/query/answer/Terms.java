package io.docmatrix.query.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Content terms of a text for lexical matching: lower case, letters and digits, stop words out, a light suffix
 * stemmer (plurals, -ing, -ed, -ly) so that "expires" meets "expiry"'s neighbour "expire" without a dictionary.
 */
final class Terms {

    private static final Set<String> STOP_WORDS = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "either",
            "else",
            "few",
            "for",
            "from",
            "further",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "me",
            "more",
            "most",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "same",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "whose",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "s",
            "t",
            "don",
            "doesn",
            "didn",
            "isn",
            "aren",
            "wasn",
            "weren",
            "shall",
            "may",
            "might",
            "must",
            "tell",
            "name",
            "many",
            "much",
            "kind",
            "type",
            "called",
            "use",
            "used");

    private Terms() {}

    /** The stemmed content terms of {@code text}, in order, with repeats. */
    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c == '\'' && word.length() > 0 && i + 1 < text.length() && text.charAt(i + 1) == 's') {
                // possessive: "tenant's" is "tenant"
                i++;
                add(terms, word);
            } else if (word.length() > 0) {
                add(terms, word);
            }
        }
        return terms;
    }

    private static void add(List<String> terms, StringBuilder word) {
        String w = word.toString();
        word.setLength(0);
        if (!STOP_WORDS.contains(w)) {
            terms.add(stem(w));
        }
    }

    /** A deliberately light stemmer: conflates inflections, never guesses derivations. */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() <= 3 || !Character.isLetter(w.charAt(w.length() - 1))) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ied") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ing") && hasVowel(w, w.length() - 3)) {
            return dropE(undouble(w.substring(0, w.length() - 3)));
        }
        if (w.endsWith("ed") && hasVowel(w, w.length() - 2)) {
            return dropE(undouble(w.substring(0, w.length() - 2)));
        }
        if (w.endsWith("ly") && w.length() > 5) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return dropE(w.substring(0, w.length() - 1));
        }
        return dropE(w);
    }

    private static boolean hasVowel(String w, int end) {
        if (end < 3) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    // "expire", "expires", "expired" and "expiring" all meet at "expir".
    private static String dropE(String w) {
        return w.length() > 3 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
