package io.docmatrix.analysis.clause;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels a contract's clauses with CUAD's 41 categories without any LLM: nearest-neighbour similarity between the
 * chunk vectors ingestion computed and labelled exemplars (the built-in ones, embedded once at startup, and the
 * tenant's learned ones), then, for the few candidate chunks per category, the same for their sentences, which gives
 * the span. Textual cues ({@link ClauseCues}) add a bonus. A span is labelled when its score reaches the category's
 * calibrated threshold. Only candidate chunks' sentences are embedded, at most {@link ClauseScoring#maxSentences} per
 * document, which bounds the cost of a long contract.
 */
public final class ClauseAgent implements ClauseLabeller {

    private static final Logger log = LoggerFactory.getLogger(ClauseAgent.class);
    static final String DOCUMENT_NAME = "Document Name";

    private final EmbeddingModel model;
    private final ClauseExemplarRepository learned;
    private final ClauseCategories categories;
    private final ClauseScoring scoring;
    private final Map<String, float[][]> builtIn;

    public ClauseAgent(
            EmbeddingModel model,
            ClauseExemplarRepository learned,
            ClauseCategories categories,
            ClauseScoring scoring) {
        this.model = model;
        this.learned = learned;
        this.categories = categories;
        this.scoring = scoring;
        long started = System.nanoTime();
        this.builtIn = byCategory(ExemplarTexts.embed(model, ExemplarTexts.builtIn()));
        log.info(
                "Embedded {} built-in clause exemplars in {} ms",
                builtIn.values().stream().mapToInt(v -> v.length).sum(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public ClauseCategories categories() {
        return categories;
    }

    ClauseScoring scoring() {
        return scoring;
    }

    @Override
    public ClauseLabels label(DocumentForAnalysis document) {
        Scored scored = score(document);
        List<ClauseMatch> matches = matches(scored.spans(), categories);
        DocumentKind kind = DocumentKinds.classify(document, matches);
        return new ClauseLabels(kind, kind == DocumentKind.CONTRACT ? matches : List.of());
    }

    /**
     * A candidate span of a chunk for a category with its score components; offsets are inside the chunk's text. The
     * similarities are cosines to the category's nearest built-in ({@code B}) and learned ({@code L}) exemplar, -1
     * when there is none.
     */
    record Candidate(
            String category,
            AnalysedChunk source,
            int from,
            int to,
            double sentenceB,
            double chunkB,
            double sentenceL,
            double chunkL,
            boolean cue) {

        /** How far the span is above (positive) or below its category's bar, by the better of the two exemplar sets. */
        double margin(ClauseScoring s, ClauseCategories.Category category) {
            double bonus = cue ? s.cueBonus() : 0;
            double w = s.chunkWeight();
            double builtIn = (1 - w) * sentenceB + w * chunkB + bonus - category.threshold();
            double learned = sentenceL < -0.5
                    ? Double.NEGATIVE_INFINITY
                    : (1 - w) * sentenceL + w * chunkL + bonus - category.learnedThreshold();
            return Math.max(builtIn, learned);
        }
    }

    record Scored(List<Candidate> spans, ClauseScoring scoring) {}

    /** Every candidate span with its score components, before thresholds (also what the evaluation calibrates on). */
    Scored score(DocumentForAnalysis document) {
        List<AnalysedChunk> chunks = document.chunks();
        Map<String, float[][]> tenant = byCategory(learned.forTenant(document.tenantId(), model.modelId()));
        List<ClauseCategories.Category> cats = categories.all().stream()
                .filter(c -> !c.name().equals(DOCUMENT_NAME))
                .toList();
        int n = chunks.size();
        double[][] simB = new double[n][cats.size()];
        double[][] simL = new double[n][cats.size()];
        for (int c = 0; c < n; c++) {
            float[] v = chunks.get(c).vector();
            for (int k = 0; k < cats.size(); k++) {
                simB[c][k] = nearest(v, builtIn.get(cats.get(k).name()));
                simL[c][k] = nearest(v, tenant.get(cats.get(k).name()));
            }
        }
        // Candidate chunks per category, best first; chunks worth a look for any category are embedded sentence by
        // sentence, in the order of their best margin, until the budget is spent.
        Map<Integer, Double> chunkPriority = new HashMap<>();
        Map<String, List<Integer>> candidatesOf = new LinkedHashMap<>();
        for (int k = 0; k < cats.size(); k++) {
            ClauseCategories.Category category = cats.get(k);
            double[] margin = new double[n];
            List<Integer> ranked = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                boolean cue = ClauseCues.matches(category.name(), chunks.get(c).text());
                Candidate whole = new Candidate(
                        category.name(), chunks.get(c), 0, 0, simB[c][k], simB[c][k], simL[c][k], simL[c][k], cue);
                margin[c] = whole.margin(scoring, category);
                if (margin[c] >= -scoring.candidateMargin()) {
                    ranked.add(c);
                }
            }
            ranked.sort(Comparator.comparingDouble((Integer c) -> -margin[c]));
            List<Integer> top = List.copyOf(ranked.subList(0, Math.min(scoring.candidateChunks(), ranked.size())));
            candidatesOf.put(category.name(), top);
            for (int c : top) {
                chunkPriority.merge(c, margin[c], Math::max);
            }
        }
        List<Integer> order = new ArrayList<>(chunkPriority.keySet());
        order.sort(Comparator.comparingDouble((Integer c) -> -chunkPriority.get(c)));
        Map<Integer, List<Sentences.Span>> sentencesOf = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        for (int c : order) {
            List<Sentences.Span> spans = Sentences.of(chunks.get(c).text());
            if (texts.size() + spans.size() > scoring.maxSentences()) {
                continue;
            }
            sentencesOf.put(c, spans);
            spans.forEach(s -> texts.add(chunks.get(c).text().substring(s.start(), s.end())));
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : model.embed(texts);
        Map<Integer, Integer> firstVector = new HashMap<>();
        int next = 0;
        for (Map.Entry<Integer, List<Sentences.Span>> e : sentencesOf.entrySet()) {
            firstVector.put(e.getKey(), next);
            next += e.getValue().size();
        }
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < cats.size(); k++) {
            String name = cats.get(k).name();
            for (int c : candidatesOf.get(name)) {
                List<Sentences.Span> spans = sentencesOf.get(c);
                if (spans == null) {
                    continue;
                }
                AnalysedChunk chunk = chunks.get(c);
                for (int s = 0; s < spans.size(); s++) {
                    Sentences.Span span = spans.get(s);
                    if (!ClauseCues.admissible(name, chunk.text().substring(span.start(), span.end()))) {
                        continue;
                    }
                    float[] v = vectors.get(firstVector.get(c) + s);
                    boolean cue = ClauseCues.matches(name, chunk.text().substring(span.start(), span.end()));
                    out.add(new Candidate(
                            name,
                            chunk,
                            span.start(),
                            span.end(),
                            nearest(v, builtIn.get(name)),
                            simB[c][k],
                            nearest(v, tenant.get(name)),
                            simL[c][k],
                            cue));
                }
            }
        }
        DocumentTitle.find(chunks)
                .ifPresent(t -> out.add(new Candidate(DOCUMENT_NAME, t.chunk(), t.from(), t.to(), 1, 1, -1, -1, true)));
        return new Scored(out, scoring);
    }

    /** Spans at or above their category's bar, adjacent ones merged, the best few per category. */
    List<ClauseMatch> matches(List<Candidate> candidates, ClauseCategories thresholds) {
        Map<String, List<Candidate>> byCategory = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.margin(scoring, thresholds.find(c.category()).orElseThrow()) >= 0) {
                byCategory.computeIfAbsent(c.category(), x -> new ArrayList<>()).add(c);
            }
        }
        List<ClauseMatch> matches = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> e : byCategory.entrySet()) {
            List<ClauseMatch> merged =
                    merge(e.getValue(), thresholds.find(e.getKey()).orElseThrow());
            merged.sort(Comparator.comparingDouble(ClauseMatch::confidence).reversed());
            List<ClauseMatch> kept = new ArrayList<>();
            for (ClauseMatch m : merged) {
                boolean overlaps = kept.stream().anyMatch(k -> k.start() < m.end() && m.start() < k.end());
                if (!overlaps && kept.size() < scoring.maxMatchesPerCategory()) {
                    kept.add(m);
                }
            }
            matches.addAll(kept);
        }
        return matches;
    }

    /** Neighbouring sentences of one chunk that both pass become one span (a clause often runs over two sentences). */
    private List<ClauseMatch> merge(List<Candidate> passing, ClauseCategories.Category category) {
        List<Candidate> sorted = new ArrayList<>(passing);
        sorted.sort(Comparator.comparing((Candidate c) -> c.source().ordinal()).thenComparingInt(Candidate::from));
        List<ClauseMatch> out = new ArrayList<>();
        Candidate first = null;
        Candidate last = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Candidate c : sorted) {
            boolean adjacent = last != null
                    && last.source() == c.source()
                    && onlyWhitespaceBetween(c.source().text(), last.to(), c.from());
            if (!adjacent && first != null) {
                out.add(match(first, last, best));
                first = null;
            }
            if (first == null) {
                first = c;
                best = Double.NEGATIVE_INFINITY;
            }
            last = c;
            best = Math.max(best, c.margin(scoring, category));
        }
        if (first != null) {
            out.add(match(first, last, best));
        }
        return out;
    }

    private static boolean onlyWhitespaceBetween(String text, int from, int to) {
        return from <= to && text.substring(from, to).isBlank();
    }

    private ClauseMatch match(Candidate first, Candidate last, double margin) {
        AnalysedChunk chunk = first.source();
        double confidence =
                first.category().equals(DOCUMENT_NAME) ? 0.9 : 1 / (1 + Math.exp(-margin / scoring.confidenceScale()));
        return new ClauseMatch(
                first.category(),
                Math.round(confidence * 1000) / 1000.0,
                chunk.chunkId(),
                pageAt(chunk, first.from()),
                chunk.start() + first.from(),
                chunk.start() + last.to(),
                chunk.text().substring(first.from(), last.to()));
    }

    /** The page of a span: the chunk's first page plus the form feeds before it inside the chunk (PDF page breaks). */
    private static int pageAt(AnalysedChunk chunk, int offset) {
        int breaks = 0;
        for (int i = chunk.text().indexOf('\f');
                i >= 0 && i < offset;
                i = chunk.text().indexOf('\f', i + 1)) {
            breaks++;
        }
        return Math.min(chunk.page() + breaks, Math.max(chunk.page(), chunk.pageEnd()));
    }

    static double nearest(float[] v, float[][] exemplars) {
        double best = -1;
        for (float[] e : exemplars) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * e[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    private static Map<String, float[][]> byCategory(List<Exemplar> exemplars) {
        Map<String, List<float[]>> grouped = new HashMap<>();
        for (Exemplar e : exemplars) {
            grouped.computeIfAbsent(e.category(), x -> new ArrayList<>()).add(e.vector());
        }
        Map<String, float[][]> out = new HashMap<>();
        grouped.forEach((k, v) -> out.put(k, v.toArray(new float[0][])));
        for (String name : ClauseCategories.builtIn().names()) {
            out.putIfAbsent(name, new float[0][]);
        }
        return out;
    }

    /** Words and phrases found almost only in contracts, each counted once. */
    static final class DocumentKinds {

        private static final List<Pattern> CONTRACT_CUES = List.of(
                Pattern.compile("\\bthis\\s+(agreement|contract|amendment)\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bthe\\s+parties\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bhere(to|under|of|in|by|inafter)\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bwhereas\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bin\\s+witness\\s+whereof\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bshall\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\b(terminate|termination)\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bgoverned\\s+by\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\beffective\\s+date\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile(
                        "\\b(licensor|licensee|distributor|supplier|consultant|contractor|franchisee|vendor|reseller)\\b",
                        Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\bnotwithstanding\\b", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\\b(indemnif|warrant)", Pattern.CASE_INSENSITIVE));

        private DocumentKinds() {}

        /**
         * A contract shows contract vocabulary, and usually confidently labelled clause categories too. Measured: CUAD
         * contracts show 4 to 12 of the cue families, research papers (COVID-QA) and encyclopaedia articles (XQuAD) at
         * most 3; a paper or manual may discuss agreements and quote a clause, but rarely has both.
         */
        static DocumentKind classify(DocumentForAnalysis document, List<ClauseMatch> matches) {
            int cues = contractCues(document);
            Set<String> confident = new LinkedHashSet<>();
            for (ClauseMatch m : matches) {
                if (m.confidence() >= 0.6 && !m.category().equals(DOCUMENT_NAME)) {
                    confident.add(m.category());
                }
            }
            boolean contract =
                    cues >= 5 || (cues >= 4 && confident.size() >= 1) || (cues >= 3 && confident.size() >= 3);
            return contract ? DocumentKind.CONTRACT : DocumentKind.OTHER;
        }

        static int contractCues(DocumentForAnalysis document) {
            int found = 0;
            for (Pattern cue : CONTRACT_CUES) {
                for (AnalysedChunk chunk : document.chunks()) {
                    Matcher m = cue.matcher(chunk.text());
                    if (m.find()) {
                        found++;
                        break;
                    }
                }
            }
            return found;
        }
    }
}
