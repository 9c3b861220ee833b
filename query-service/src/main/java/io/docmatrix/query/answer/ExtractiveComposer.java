package io.docmatrix.query.answer;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an answer from the best supporting sentences of the top chunks, each sentence quoted verbatim with its
 * citation. Candidate sentences are ranked by a weighted sum of the chunk's retrieval score, BM25 over the candidate
 * sentences (light stemming, stop words out) and, for a bounded number of lexically promising candidates, cosine
 * similarity of sentence embeddings. The best sentence comes first; further ones only when they score close to it and
 * say something new, so that answers stay short.
 */
final class ExtractiveComposer {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveComposer.class);
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Pattern NUMBER = Pattern.compile("\\d");
    private static final Pattern CAPITALISED = Pattern.compile("(?<!^)(?<![.!?]\\s)\\b[A-Z][a-z]+");
    private static final Pattern YEAR_OR_DATE = Pattern.compile(
            "\\b(1\\d{3}|20\\d{2})\\b|\\b(January|February|March|April|May|June|July|August|September|October|November|"
                    + "December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b\\d+\\s+(days?|weeks?|"
                    + "months?|years?|hours?|minutes?)\\b");

    /**
     * @param maxSentences the most sentences an answer has
     * @param candidateChunks sentences are drawn from this many top chunks
     * @param maxEmbeddedSentences at most this many candidates are embedded (the cost of the semantic feature)
     * @param followRatio a further sentence is added only when it scores at least this fraction of the best
     * @param maxSentenceChars longer sentences are cut to the window around their question terms
     */
    record Settings(
            int maxSentences,
            int candidateChunks,
            int maxEmbeddedSentences,
            double retrievalWeight,
            double lexicalWeight,
            double semanticWeight,
            double followRatio,
            int maxSentenceChars) {}

    /** A candidate sentence: {@code chunk.text().substring(from, to)}. */
    private record Candidate(RetrievedChunk chunk, int rank, int from, int to, String text, List<String> terms) {}

    private final @Nullable EmbeddingModel embeddings;
    private final Settings settings;

    ExtractiveComposer(@Nullable EmbeddingModel embeddings, Settings settings) {
        this.embeddings = embeddings;
        this.settings = settings;
    }

    Grounded compose(String question, List<RetrievedChunk> chunks) {
        Grounded grounded = new Grounded();
        List<Candidate> candidates = candidates(chunks, Terms.of(question));
        if (candidates.isEmpty()) {
            return grounded;
        }
        double[] lexical = new double[candidates.size()];
        double[] scores = score(question, candidates, lexical);
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        double best = scores[order[0]];
        List<Set<String>> chosen = new ArrayList<>();
        for (int i : order) {
            if (chosen.size() >= settings.maxSentences()) {
                break;
            }
            if (!chosen.isEmpty() && scores[i] < best * settings.followRatio()) {
                break;
            }
            if (!chosen.isEmpty() && lexical[i] == 0) {
                continue; // a further sentence must share a term with the question, not just sit in a top chunk
            }
            Candidate c = candidates.get(i);
            Set<String> terms = new HashSet<>(c.terms());
            if (chosen.stream().anyMatch(previous -> overlap(previous, terms) > 0.6)) {
                continue; // says nothing new (overlapping chunks repeat sentences)
            }
            chosen.add(terms);
            grounded.add(c.text(), c.chunk(), c.from(), c.to());
        }
        return grounded;
    }

    private List<Candidate> candidates(List<RetrievedChunk> chunks, List<String> questionTerms) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int limit = Math.min(settings.candidateChunks(), chunks.size());
        for (int rank = 0; rank < limit; rank++) {
            RetrievedChunk chunk = chunks.get(rank);
            for (SentenceSplitter.Span span : SentenceSplitter.split(chunk.text())) {
                int from = span.start();
                int to = span.end();
                if (to - from > settings.maxSentenceChars()) {
                    int[] window = window(chunk.text(), from, to, new HashSet<>(questionTerms));
                    from = window[0];
                    to = window[1];
                }
                String text = chunk.text().substring(from, to);
                List<String> terms = Terms.of(text);
                // a heading or a list marker alone answers nothing; repeated sentences of overlapping chunks once
                if (terms.size() < 2 || !seen.add(String.join(" ", terms))) {
                    continue;
                }
                candidates.add(new Candidate(chunk, rank, from, to, text, terms));
            }
        }
        return candidates;
    }

    private double[] score(String question, List<Candidate> candidates, double[] lexical) {
        int n = candidates.size();
        Set<String> query = new LinkedHashSet<>(Terms.of(question));
        System.arraycopy(normalised(bm25(query, candidates)), 0, lexical, 0, n);
        double[] retrieval = new double[n];
        double maxRetrieval =
                candidates.stream().mapToDouble(c -> c.chunk().score()).max().orElse(0);
        double minRetrieval =
                candidates.stream().mapToDouble(c -> c.chunk().score()).min().orElse(0);
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            double range = maxRetrieval - minRetrieval;
            double normalisedScore = range > 1e-9 ? (c.chunk().score() - minRetrieval) / range : 1.0;
            // rank as well as score: fused scores (RRF) are nearly flat, their order is what carries the signal
            retrieval[i] = 0.5 * normalisedScore + 0.5 / (1 + c.rank());
        }
        double[] pre = new double[n];
        for (int i = 0; i < n; i++) {
            pre[i] = settings.retrievalWeight() * retrieval[i]
                    + settings.lexicalWeight() * lexical[i]
                    + typeBonus(question, candidates.get(i).text(), query);
            if (candidates.get(i).terms().size() < 3) {
                pre[i] *= 0.8; // fragments rarely answer a question on their own
            }
        }
        double[] semantic = semantic(question, candidates, pre);
        double[] total = new double[n];
        for (int i = 0; i < n; i++) {
            total[i] = pre[i] + settings.semanticWeight() * semantic[i];
        }
        return total;
    }

    private static double[] bm25(Set<String> query, List<Candidate> candidates) {
        int n = candidates.size();
        Map<String, Integer> documentFrequency = new HashMap<>();
        double totalLength = 0;
        for (Candidate c : candidates) {
            totalLength += c.terms().size();
            for (String term : new HashSet<>(c.terms())) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        double averageLength = totalLength / n;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            List<String> terms = candidates.get(i).terms();
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            double score = 0;
            for (String q : query) {
                Integer f = tf.get(q);
                if (f == null) {
                    continue;
                }
                int df = documentFrequency.get(q);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * terms.size() / averageLength));
            }
            scores[i] = score;
        }
        return scores;
    }

    /**
     * A small bonus when the sentence holds the kind of thing the question asks for (a time for "when", a number for
     * "how many", a name for "who") that the question itself does not already contain.
     */
    private static double typeBonus(String question, String sentence, Set<String> questionTerms) {
        String q = question.toLowerCase(Locale.ROOT);
        if (q.startsWith("when") || q.contains("what year") || q.contains("what date") || q.contains("how long")) {
            return YEAR_OR_DATE.matcher(sentence).find() ? 0.08 : 0;
        }
        if (q.startsWith("how many") || q.startsWith("how much") || q.contains("what percentage")) {
            return NUMBER.matcher(sentence).find() ? 0.08 : 0;
        }
        if (q.startsWith("who") || q.startsWith("whom")) {
            var names = CAPITALISED.matcher(sentence);
            while (names.find()) {
                if (!questionTerms.contains(Terms.stem(names.group().toLowerCase(Locale.ROOT)))) {
                    return 0.05;
                }
            }
        }
        return 0;
    }

    /** Cosine similarity to the question for the most promising candidates, min-max scaled; 0 for the rest. */
    private double[] semantic(String question, List<Candidate> candidates, double[] pre) {
        double[] semantic = new double[candidates.size()];
        if (embeddings == null || settings.semanticWeight() <= 0 || settings.maxEmbeddedSentences() <= 0) {
            return semantic;
        }
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -pre[i]));
        int m = Math.min(settings.maxEmbeddedSentences(), order.length);
        List<String> texts = new ArrayList<>(m + 1);
        texts.add(fit(question));
        for (int k = 0; k < m; k++) {
            texts.add(fit(candidates.get(order[k]).text()));
        }
        List<float[]> vectors;
        try {
            vectors = embeddings.embed(texts);
        } catch (RuntimeException e) {
            // the answer is still good without the semantic feature; say so in the log, not to the caller
            log.warn("Sentence embeddings unavailable, ranking lexically: {}", e.getMessage());
            return semantic;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double[] cosines = new double[m];
        for (int k = 0; k < m; k++) {
            cosines[k] = dot(vectors.get(0), vectors.get(k + 1));
            min = Math.min(min, cosines[k]);
            max = Math.max(max, cosines[k]);
        }
        for (int k = 0; k < m; k++) {
            semantic[order[k]] = max - min > 0.02 ? (cosines[k] - min) / (max - min) : 1.0;
        }
        return semantic;
    }

    private String fit(String text) {
        // the model rejects texts beyond its window rather than cutting them silently; candidates are short anyway
        String fitted = text;
        while (embeddings != null && embeddings.countTokens(fitted) > embeddings.maxTokens() && fitted.length() > 16) {
            fitted = fitted.substring(0, fitted.length() * 3 / 4);
        }
        return fitted;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double[] normalised(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = max > 0 ? values[i] / max : 0;
        }
        return out;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / Math.min(a.size(), b.size());
    }

    /**
     * The part of an over-long sentence, at most {@code maxSentenceChars} long and cut at word boundaries, that holds
     * the most question terms, so that no answer is a whole chunk pasted.
     */
    private int[] window(String text, int from, int to, Set<String> questionTerms) {
        int size = settings.maxSentenceChars();
        List<Integer> bestStarts = new ArrayList<>();
        int bestHits = -1;
        for (int s = from; s < to; s = nextWord(text, s, to)) {
            int e = Math.min(to, s + size);
            int hits = 0;
            for (String term : Terms.of(text.substring(s, e))) {
                if (questionTerms.contains(term)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                bestHits = hits;
                bestStarts.clear();
            }
            if (hits == bestHits) {
                bestStarts.add(s);
            }
            if (e == to) {
                break;
            }
        }
        // of the equally good windows the middle one, which has the matches nearest its centre
        int bestStart = bestStarts.get(bestStarts.size() / 2);
        int end = Math.min(to, bestStart + size);
        if (end < to) {
            int space = text.lastIndexOf(' ', end);
            if (space > bestStart) {
                end = space;
            }
        }
        while (end > bestStart && !Character.isLetterOrDigit(text.charAt(end - 1)) && text.charAt(end - 1) != ')') {
            end--;
        }
        return new int[] {bestStart, Math.max(end, bestStart + 1)};
    }

    private static int nextWord(String text, int at, int limit) {
        int i = at;
        while (i < limit && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
