package io.docmatrix.query.answer;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a follow-up question for retrieval: "and when does it expire?" says nothing about what "it" is, so a short
 * or pronoun-led question gets the content words of the previous question appended.
 */
final class FollowUps {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\b(it|its|they|them|their|this|that|these|those|he|she|his|her|there|then|such|the same)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    private static final int SHORT = 4;

    private FollowUps() {}

    static String expand(String question, List<Turn> turns) {
        if (turns.isEmpty()) {
            return question;
        }
        String lower = question.toLowerCase(Locale.ROOT);
        boolean refers = REFERENCE.matcher(lower).find() || lower.startsWith("and ") || lower.startsWith("what about");
        if (!refers && Terms.of(question).size() > SHORT) {
            return question; // a question that stands on its own
        }
        Set<String> present = new HashSet<>(Terms.of(question));
        Set<String> extra = new LinkedHashSet<>();
        String previous = turns.get(turns.size() - 1).question();
        var words = WORD.matcher(previous);
        while (words.find()) {
            List<String> terms = Terms.of(words.group());
            if (!terms.isEmpty() && present.add(terms.get(0))) {
                extra.add(words.group());
            }
        }
        return extra.isEmpty() ? question : question + " " + String.join(" ", extra);
    }
}
