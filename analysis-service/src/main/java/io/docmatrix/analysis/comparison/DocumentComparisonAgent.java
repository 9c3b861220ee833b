package io.docmatrix.analysis.comparison;

import io.docmatrix.analysis.clause.ClauseMatch;
import io.docmatrix.analysis.comparison.ClauseChange.Change;
import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.risk.Evidence;
import io.docmatrix.analysis.risk.Finding;
import io.docmatrix.analysis.risk.RiskScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares two analysed documents clause by clause. Clauses are aligned within their category by meaning: the pair
 * whose chunks' vectors are most similar goes first (greedy), and a clause with no partner above {@link
 * #minSimilarity} counts as removed on one side and added on the other.
 */
public final class DocumentComparisonAgent {

    private final double minConfidence;
    private final double minSimilarity;

    public DocumentComparisonAgent(double minConfidence, double minSimilarity) {
        this.minConfidence = minConfidence;
        this.minSimilarity = minSimilarity;
    }

    public DocumentComparison compare(ComparedDocument left, ComparedDocument right) {
        Map<String, List<ClauseMatch>> leftByCategory = byCategory(left.clauses());
        Map<String, List<ClauseMatch>> rightByCategory = byCategory(right.clauses());
        Set<String> categories = new LinkedHashSet<>(leftByCategory.keySet());
        categories.addAll(rightByCategory.keySet());
        List<ClauseChange> changes = new ArrayList<>();
        for (String key : categories) {
            List<ClauseMatch> l = leftByCategory.getOrDefault(key, List.of());
            List<ClauseMatch> r = rightByCategory.getOrDefault(key, List.of());
            String category = !l.isEmpty() ? l.get(0).category() : r.get(0).category();
            int riskChange = weight(right.findings(), key) - weight(left.findings(), key);
            align(category, l, r, left.document(), right.document(), riskChange, changes);
        }
        List<String> leftCodes = codes(left.findings());
        List<String> rightCodes = codes(right.findings());
        double change = Math.round((right.riskScore() - left.riskScore()) * 10.0) / 10.0;
        return new DocumentComparison(
                left.riskScore(),
                right.riskScore(),
                change,
                changes,
                rightCodes.stream().filter(c -> !leftCodes.contains(c)).toList(),
                leftCodes.stream().filter(c -> !rightCodes.contains(c)).toList());
    }

    private void align(
            String category,
            List<ClauseMatch> left,
            List<ClauseMatch> right,
            DocumentForAnalysis leftDocument,
            DocumentForAnalysis rightDocument,
            int riskChange,
            List<ClauseChange> changes) {
        record Pair(int left, int right, double similarity) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                double similarity =
                        WordDiff.sameWords(left.get(i).text(), right.get(j).text())
                                ? 1.0
                                : cosine(vector(leftDocument, left.get(i)), vector(rightDocument, right.get(j)));
                pairs.add(new Pair(i, j, similarity));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        boolean[] leftUsed = new boolean[left.size()];
        boolean[] rightUsed = new boolean[right.size()];
        // The category's risk change is reported once, on its first clause, so summing the column gives the total.
        int pendingRisk = riskChange;
        for (Pair pair : pairs) {
            if (leftUsed[pair.left()] || rightUsed[pair.right()] || pair.similarity() < minSimilarity) {
                continue;
            }
            leftUsed[pair.left()] = true;
            rightUsed[pair.right()] = true;
            ClauseMatch l = left.get(pair.left());
            ClauseMatch r = right.get(pair.right());
            boolean same = WordDiff.sameWords(l.text(), r.text());
            changes.add(new ClauseChange(
                    category,
                    same ? Change.UNCHANGED : Change.CHANGED,
                    Evidence.of(l, leftDocument),
                    Evidence.of(r, rightDocument),
                    Math.round(pair.similarity() * 1000.0) / 1000.0,
                    same ? List.of() : WordDiff.diff(l.text(), r.text()),
                    pendingRisk));
            pendingRisk = 0;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!leftUsed[i]) {
                changes.add(new ClauseChange(
                        category,
                        Change.REMOVED,
                        Evidence.of(left.get(i), leftDocument),
                        null,
                        null,
                        WordDiff.diff(left.get(i).text(), ""),
                        pendingRisk));
                pendingRisk = 0;
            }
        }
        for (int j = 0; j < right.size(); j++) {
            if (!rightUsed[j]) {
                changes.add(new ClauseChange(
                        category,
                        Change.ADDED,
                        null,
                        Evidence.of(right.get(j), rightDocument),
                        null,
                        WordDiff.diff("", right.get(j).text()),
                        pendingRisk));
                pendingRisk = 0;
            }
        }
    }

    private Map<String, List<ClauseMatch>> byCategory(List<ClauseMatch> clauses) {
        Map<String, List<ClauseMatch>> byCategory = new TreeMap<>();
        for (ClauseMatch match : clauses) {
            if (match.confidence() >= minConfidence) {
                byCategory
                        .computeIfAbsent(Playbook.key(match.category()), k -> new ArrayList<>())
                        .add(match);
            }
        }
        return byCategory;
    }

    private static int weight(List<Finding> findings, String key) {
        return findings.stream()
                .filter(f -> f.category() != null && Playbook.key(f.category()).equals(key))
                .mapToInt(f -> RiskScore.weight(f.severity()))
                .sum();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.category() == null ? f.code() : f.code() + " (" + f.category() + ")")
                .distinct()
                .toList();
    }

    private static float[] vector(DocumentForAnalysis document, ClauseMatch match) {
        for (AnalysedChunk chunk : document.chunks()) {
            if (chunk.chunkId().equals(match.chunkId())) {
                return chunk.vector();
            }
        }
        return new float[0];
    }

    static double cosine(float[] a, float[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
