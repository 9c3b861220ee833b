package io.docmatrix.eval.scoring;

import java.util.List;

/**
 * Recall@k and mean reciprocal rank over questions with one relevant region each: a question counts as answered at rank
 * r when the r-th returned chunk overlaps any gold span (several annotators may mark slightly different spans).
 */
public final class RankedRetrieval {

    private final int[] cutoffs;
    private final long[] hitsAt;
    private double reciprocalRankSum;
    private long questions;

    public RankedRetrieval(int... cutoffs) {
        this.cutoffs = cutoffs.clone();
        this.hitsAt = new long[cutoffs.length];
    }

    /** The 1-based rank of the first result overlapping a gold span, or 0 when none does. */
    public static int firstHitRank(List<Span> results, List<Span> gold) {
        for (int i = 0; i < results.size(); i++) {
            Span result = results.get(i);
            if (gold.stream().anyMatch(result::overlaps)) {
                return i + 1;
            }
        }
        return 0;
    }

    public void add(int firstHitRank) {
        questions++;
        if (firstHitRank > 0) {
            reciprocalRankSum += 1.0 / firstHitRank;
            for (int i = 0; i < cutoffs.length; i++) {
                if (firstHitRank <= cutoffs[i]) {
                    hitsAt[i]++;
                }
            }
        }
    }

    public long questions() {
        return questions;
    }

    public double recallAt(int cutoff) {
        for (int i = 0; i < cutoffs.length; i++) {
            if (cutoffs[i] == cutoff) {
                return questions == 0 ? 0 : (double) hitsAt[i] / questions;
            }
        }
        throw new IllegalArgumentException("cutoff " + cutoff + " is not tracked");
    }

    /** Mean reciprocal rank; a question without any hit contributes 0 (the rank is cut off at the results returned). */
    public double mrr() {
        return questions == 0 ? 0 : reciprocalRankSum / questions;
    }
}
