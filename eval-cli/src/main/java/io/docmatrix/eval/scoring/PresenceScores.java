package io.docmatrix.eval.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-category detection scores over (document, category) decisions, with micro and macro averages, plus span recall:
 * the share of gold spans overlapped by a predicted span of the same category.
 */
public final class PresenceScores {

    private final Map<String, Counts> byCategory = new LinkedHashMap<>();

    /** Records one document's decision for one category and its span coverage. */
    public void add(String category, boolean goldPresent, boolean predictedPresent, int goldSpans, int goldSpansHit) {
        Counts counts = byCategory.computeIfAbsent(category, c -> new Counts());
        if (goldPresent && predictedPresent) {
            counts.truePositives++;
        } else if (predictedPresent) {
            counts.falsePositives++;
        } else if (goldPresent) {
            counts.falseNegatives++;
        } else {
            counts.trueNegatives++;
        }
        counts.goldSpans += goldSpans;
        counts.goldSpansHit += goldSpansHit;
    }

    public Result result() {
        List<CategoryScore> categories = new ArrayList<>();
        Counts total = new Counts();
        double macroP = 0;
        double macroR = 0;
        double macroF = 0;
        int macroN = 0;
        for (Map.Entry<String, Counts> entry : byCategory.entrySet()) {
            Counts c = entry.getValue();
            CategoryScore score = c.score(entry.getKey());
            categories.add(score);
            total.add(c);
            // Macro averages skip categories that never occur in the gold data: their recall is undefined, and a zero
            // there would punish a correct "absent everywhere" as hard as missing every clause.
            if (c.truePositives + c.falseNegatives > 0) {
                macroP += score.precision();
                macroR += score.recall();
                macroF += score.f1();
                macroN++;
            }
        }
        CategoryScore micro = total.score("micro");
        Averages macro = macroN == 0
                ? new Averages(0, 0, 0, 0)
                : new Averages(macroP / macroN, macroR / macroN, macroF / macroN, macroN);
        return new Result(categories, micro, macro);
    }

    public record CategoryScore(
            String category,
            long truePositives,
            long falsePositives,
            long falseNegatives,
            long trueNegatives,
            double precision,
            double recall,
            double f1,
            long goldSpans,
            long goldSpansHit,
            double spanRecall) {}

    public record Averages(double precision, double recall, double f1, int categories) {}

    public record Result(List<CategoryScore> categories, CategoryScore micro, Averages macro) {}

    private static final class Counts {
        long truePositives;
        long falsePositives;
        long falseNegatives;
        long trueNegatives;
        long goldSpans;
        long goldSpansHit;

        void add(Counts other) {
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            falseNegatives += other.falseNegatives;
            trueNegatives += other.trueNegatives;
            goldSpans += other.goldSpans;
            goldSpansHit += other.goldSpansHit;
        }

        CategoryScore score(String name) {
            // Precision with nothing predicted is reported as 0, not 1: a category the system never finds must not look
            // perfect in the table.
            double precision = ratio(truePositives, truePositives + falsePositives);
            double recall = ratio(truePositives, truePositives + falseNegatives);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new CategoryScore(
                    name,
                    truePositives,
                    falsePositives,
                    falseNegatives,
                    trueNegatives,
                    precision,
                    recall,
                    f1,
                    goldSpans,
                    goldSpansHit,
                    ratio(goldSpansHit, goldSpans));
        }

        private static double ratio(long numerator, long denominator) {
            return denominator == 0 ? 0 : (double) numerator / denominator;
        }
    }
}
