package io.docmatrix.bench.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Distinct questions about the generated contracts. Question {@code i} of a seed is always the same and no two of one
 * seed are equal (each carries its ordinal as a reference number), so an answer cache can never serve a repeat.
 */
public final class QuestionGenerator {

    private static final String[] FORMS = {
        "What does the %s clause say about %s for the %s?",
        "How many days notice are required under %s when %s is involved (%s)?",
        "Which party bears liability under %s regarding %s and %s?",
        "When can the %s be terminated, considering %s and %s?",
        "What are the obligations on %s for %s in agreements about %s?"
    };

    private final long seed;
    private final List<String> topics = ContractGenerator.topics();
    private final List<String> subjects = ContractGenerator.subjects();
    private final List<String> companies = ContractGenerator.companies();

    public QuestionGenerator(long seed) {
        this.seed = seed;
    }

    public String question(long index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        String form = FORMS[random.nextInt(FORMS.length)];
        String q = String.format(
                form,
                topics.get(random.nextInt(topics.size())).toLowerCase(java.util.Locale.ROOT),
                subjects.get(random.nextInt(subjects.size())),
                companies.get(random.nextInt(companies.size())));
        return q.substring(0, q.length() - 1) + " (ref " + index + ")?";
    }
}
