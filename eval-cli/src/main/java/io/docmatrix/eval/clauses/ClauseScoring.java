package io.docmatrix.eval.clauses;

import io.docmatrix.eval.platform.PlatformClient.Exemplar;
import io.docmatrix.eval.scoring.PresenceScores;
import io.docmatrix.eval.scoring.Span;
import io.docmatrix.eval.scoring.StableHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Scoring of one contract's predicted clauses against its gold labels, and the choice of exemplars to learn. */
final class ClauseScoring {

    private ClauseScoring() {}

    /** A clause the platform reported, with its category key and its range in source coordinates. */
    record Predicted(String categoryKey, Span span) {}

    /**
     * Adds one decision per evaluated category: present when any clause of the category was predicted; a gold span
     * counts as found when a predicted span of the same category overlaps it.
     */
    static void score(
            CuadDataset.Contract contract,
            List<Predicted> predicted,
            Map<String, String> evaluatedCategories,
            PresenceScores scores) {
        evaluatedCategories.forEach((key, name) -> {
            CuadDataset.GoldCategory gold = contract.gold().get(key);
            boolean goldPresent = gold != null && gold.present();
            List<Span> predictedSpans = predicted.stream()
                    .filter(p -> p.categoryKey().equals(key))
                    .map(Predicted::span)
                    .toList();
            List<Span> goldSpans = gold == null
                    ? List.of()
                    : gold.spans().stream()
                            .map(s -> new Span(contract.id(), s.start(), s.end()))
                            .toList();
            int hit = (int) goldSpans.stream()
                    .filter(g -> predictedSpans.stream().anyMatch(g::overlaps))
                    .count();
            scores.add(name, goldPresent, !predictedSpans.isEmpty(), goldSpans.size(), hit);
        });
    }

    /**
     * Up to {@code cap} gold spans per category from the learning fold, chosen by a stable hash so that a re-run learns
     * the same ones. Very short spans (a bare date or name) say little about a clause's wording and are skipped; very
     * long ones are cut at a word boundary, since only a clause's opening is read by the model anyway.
     */
    static List<Exemplar> exemplars(
            List<CuadDataset.Contract> learnFrom, Map<String, String> categories, int cap, int minChars, int maxChars) {
        List<Exemplar> chosen = new ArrayList<>();
        categories.forEach((key, name) -> {
            record Candidate(long rank, String text) {}
            List<Candidate> candidates = new ArrayList<>();
            for (CuadDataset.Contract contract : learnFrom) {
                CuadDataset.GoldCategory gold = contract.gold().get(key);
                if (gold == null || !gold.present()) {
                    continue;
                }
                for (CuadDataset.GoldSpan span : gold.spans()) {
                    String text = span.text().strip();
                    if (text.length() >= minChars) {
                        candidates.add(new Candidate(
                                StableHash.of("exemplar", key + ":" + contract.id() + ":" + span.start()),
                                cut(text, maxChars)));
                    }
                }
            }
            candidates.stream()
                    .sorted(Comparator.comparingLong(Candidate::rank))
                    .map(Candidate::text)
                    .distinct()
                    .limit(cap)
                    .forEach(text -> chosen.add(new Exemplar(name, text)));
        });
        return chosen;
    }

    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int space = text.lastIndexOf(' ', maxChars);
        return text.substring(0, space > maxChars / 2 ? space : maxChars).strip();
    }
}
