package io.docmatrix.analysis.summary;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.analysis.summary.GenericSummary.SummarySentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Summarises a document by extraction. A chunk's centrality is the mean cosine similarity of its vector to every
 * other chunk's (the chunks most like the rest carry the main topic); each sentence scores its chunk's centrality times
 * the weight of the key terms it contains, which prefers the informative sentence of a central chunk. The best
 * {@code sentences} sentences are returned in document order. Key terms weigh a word's frequency by the share of chunks
 * it does not appear in (a TF-IDF over chunks), so words used everywhere do not dominate.
 */
public final class SummaryAgent {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+|$)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]{2,}");
    private static final Pattern ENTITY = Pattern.compile(
            "\\b(?:[A-Z][a-z]+(?:\\s+(?:of|and|the|de|for)?\\s*[A-Z][a-z]+)+|[A-Z]{2,}(?:\\s+[A-Z]{2,})*)\\b"
                    + "|\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                    + "\\s+\\d{1,2},\\s+\\d{4}\\b|\\$\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s+(?:million|billion))?");
    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
            "out", "has", "have", "his", "how", "its", "may", "new", "now", "see", "who", "did", "get", "him", "let",
            "say", "she", "too", "use", "with", "that", "this", "from", "they", "will", "would", "there", "their",
            "what", "about", "which", "when", "were", "been", "than", "then", "them", "these", "those", "into", "more",
            "most", "other", "some", "such", "only", "also", "each", "very", "over", "under", "after", "before",
            "between", "through", "during", "while", "where", "shall", "should", "could", "must", "upon", "being",
            "both", "same", "does", "here", "just", "like", "well", "because", "many", "much", "your");

    private final int sentences;
    private final int terms;

    public SummaryAgent(int sentences, int terms) {
        this.sentences = sentences;
        this.terms = terms;
    }

    public GenericSummary summarise(DocumentForAnalysis document) {
        List<AnalysedChunk> chunks = document.chunks();
        Map<String, Double> termWeights = termWeights(chunks);
        List<String> keyTerms = termWeights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(terms)
                .map(Map.Entry::getKey)
                .toList();
        double[] centrality = centrality(chunks);
        record Candidate(int chunk, int position, String text, double score) {}
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < chunks.size(); c++) {
            Matcher m = SENTENCE.matcher(chunks.get(c).text());
            while (m.find()) {
                String sentence = m.group().strip();
                int words = sentence.split("\\s+").length;
                // Headings and fragments make poor summary sentences; chunk overlaps repeat sentences.
                if (words < 6 || words > 60 || !seen.add(sentence)) {
                    continue;
                }
                double weight = 0;
                for (String word : words(sentence)) {
                    weight += termWeights.getOrDefault(word, 0.0);
                }
                double score = (0.5 + centrality[c]) * weight / Math.sqrt(words);
                candidates.add(new Candidate(c, m.start(), sentence, score));
            }
        }
        List<Candidate> best = candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(sentences)
                .sorted(Comparator.comparingInt(Candidate::chunk).thenComparingInt(Candidate::position))
                .toList();
        List<SummarySentence> chosen = best.stream()
                .map(b -> new SummarySentence(
                        b.text(),
                        chunks.get(b.chunk()).chunkId(),
                        chunks.get(b.chunk()).page()))
                .toList();
        return new GenericSummary(
                chosen.stream().map(SummarySentence::text).collect(Collectors.joining(" ")),
                chosen,
                keyTerms,
                entities(chunks));
    }

    private static double[] centrality(List<AnalysedChunk> chunks) {
        double[] centrality = new double[chunks.size()];
        if (chunks.size() < 2) {
            java.util.Arrays.fill(centrality, 1.0);
            return centrality;
        }
        for (int i = 0; i < chunks.size(); i++) {
            double sum = 0;
            for (int j = 0; j < chunks.size(); j++) {
                if (i != j) {
                    sum += dot(chunks.get(i).vector(), chunks.get(j).vector());
                }
            }
            centrality[i] = sum / (chunks.size() - 1);
        }
        return centrality;
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static Map<String, Double> termWeights(List<AnalysedChunk> chunks) {
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> chunkCount = new HashMap<>();
        for (AnalysedChunk chunk : chunks) {
            List<String> words = words(chunk.text());
            Set<String> inChunk = new HashSet<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                frequency.merge(word, 1, Integer::sum);
                inChunk.add(word);
                if (i + 1 < words.size()) {
                    String phrase = word + " " + words.get(i + 1);
                    frequency.merge(phrase, 1, Integer::sum);
                    inChunk.add(phrase);
                }
            }
            inChunk.forEach(t -> chunkCount.merge(t, 1, Integer::sum));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        int n = chunks.size();
        frequency.forEach((term, count) -> {
            boolean phrase = term.indexOf(' ') > 0;
            // A phrase seen once is noise; single words need two mentions to be a theme.
            if (count < 2) {
                return;
            }
            double idf = Math.log(1.0 + (double) n / chunkCount.get(term));
            weights.put(term, count * idf * (phrase ? 1.5 : 1.0));
        });
        return weights;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (!STOP.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> entities(List<AnalysedChunk> chunks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AnalysedChunk chunk : chunks) {
            Matcher m = ENTITY.matcher(chunk.text());
            while (m.find()) {
                String entity = m.group().strip().replaceAll("\\s+", " ");
                if (entity.length() > 2 && !STOP.contains(entity.toLowerCase(Locale.ROOT))) {
                    counts.merge(entity, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(10)
                .map(Map.Entry::getKey)
                .toList();
    }
}
