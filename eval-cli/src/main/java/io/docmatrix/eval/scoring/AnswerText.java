package io.docmatrix.eval.scoring;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Answer scores against gold answer texts: containment, SQuAD token F1 and the answer's length. */
public final class AnswerText {

    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}|\\p{S}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // A sentence ends at . ! or ? followed by whitespace or the end; decimals ("3.5") and "e.g." mid-word do not end
    // one.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");

    private AnswerText() {}

    /**
     * SQuAD v1.1 normalisation: lower case, punctuation removed, articles removed, whitespace collapsed. Unicode is
     * NFKC-folded first so that a non-breaking space or full-width digit does not turn a match into a miss.
     */
    public static String squadNormalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = PUNCTUATION.matcher(s).replaceAll("");
        s = ARTICLES.matcher(s).replaceAll(" ");
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** Case and whitespace folded only, for containment: punctuation inside an answer ("U.S.", "3.5%") must match. */
    public static String foldCaseAndSpace(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** True when any gold answer appears in the answer, case and whitespace folded. Empty golds never count. */
    public static boolean containsAny(String answer, List<String> golds) {
        String folded = foldCaseAndSpace(answer);
        return golds.stream().map(AnswerText::foldCaseAndSpace).anyMatch(g -> !g.isEmpty() && folded.contains(g));
    }

    /** SQuAD token F1 of the answer against the best-matching gold answer. */
    public static double bestTokenF1(String answer, List<String> golds) {
        return golds.stream().mapToDouble(g -> tokenF1(answer, g)).max().orElse(0);
    }

    public static double tokenF1(String prediction, String gold) {
        List<String> predicted = tokens(prediction);
        List<String> expected = tokens(gold);
        if (predicted.isEmpty() || expected.isEmpty()) {
            return predicted.equals(expected) ? 1 : 0;
        }
        Map<String, Integer> remaining = new HashMap<>();
        expected.forEach(t -> remaining.merge(t, 1, Integer::sum));
        int common = 0;
        for (String token : predicted) {
            Integer left = remaining.get(token);
            if (left != null && left > 0) {
                common++;
                remaining.put(token, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / predicted.size();
        double recall = (double) common / expected.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** Sentences in a text: runs ending in . ! or ?, plus a trailing run without one; 0 for blank text. */
    public static int sentenceCount(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return 0;
        }
        int count = (int) SENTENCE_END.matcher(stripped).results().count();
        boolean endsWithTerminator =
                SENTENCE_END.matcher(stripped).results().anyMatch(m -> m.end() == stripped.length());
        return endsWithTerminator ? count : count + 1;
    }

    private static List<String> tokens(String text) {
        String normalized = squadNormalize(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }
}
