package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a model's reply sentence by sentence against the chunks it cites ({@code [C2]} is the second chunk of the
 * prompt) and keeps only supported sentences, each with a verbatim quote from its chunk. A sentence is supported by a
 * cited chunk when the chunk contains it (ignoring case and spacing), or when every quoted phrase and every number in
 * it occurs in the chunk and the chunk covers at least {@code minSupport} of its content terms. The quote is then the
 * chunk sentence sharing the most terms with it.
 */
final class ModelAnswers {

    private static final Pattern TAG = Pattern.compile("\\[\\s*C\\s*(\\d+)((?:\\s*[,;]\\s*C?\\s*\\d+)*)\\s*]");
    private static final Pattern LEADING_TAGS =
            Pattern.compile("^(\\s*\\[\\s*C\\s*\\d+(?:\\s*[,;]\\s*C?\\s*\\d+)*\\s*])+");
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]{8,})[\"”]");
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final double minSupport;

    ModelAnswers(double minSupport) {
        this.minSupport = minSupport;
    }

    /** A sentence of the reply with the chunk numbers (from 1) it cites. */
    record Claim(String text, Set<Integer> tags) {}

    /** Grounds a whole reply into {@code into}; unsupported sentences are recorded there as rejected. */
    void ground(String reply, List<RetrievedChunk> chunks, Grounded into) {
        for (Claim claim : claims(reply)) {
            ground(claim, chunks, into);
        }
    }

    /** The reply's sentences, made inert, with their citation tags; tags leading a sentence belong to the previous. */
    static List<Claim> claims(String reply) {
        String text = Inert.text(reply);
        List<String> texts = new ArrayList<>();
        List<Set<Integer>> tags = new ArrayList<>();
        for (SentenceSplitter.Span span : SentenceSplitter.split(text)) {
            String sentence = span.of(text);
            Matcher leading = LEADING_TAGS.matcher(sentence);
            if (leading.find() && !texts.isEmpty()) {
                tags.get(tags.size() - 1).addAll(tagsIn(leading.group()));
                sentence = sentence.substring(leading.end());
            }
            Set<Integer> own = tagsIn(sentence);
            String clean = TAG.matcher(sentence)
                    .replaceAll("")
                    .replaceAll("\\s+([.,;:!?])", "$1")
                    .replaceAll("\\s+", " ")
                    .strip();
            if (clean.chars().noneMatch(Character::isLetterOrDigit)) {
                if (!texts.isEmpty()) {
                    tags.get(tags.size() - 1).addAll(own);
                }
                continue;
            }
            texts.add(clean);
            tags.add(own);
        }
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            claims.add(new Claim(texts.get(i), tags.get(i)));
        }
        return claims;
    }

    private static Set<Integer> tagsIn(String text) {
        Set<Integer> found = new LinkedHashSet<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
            Matcher more = Pattern.compile("\\d+").matcher(m.group(2));
            while (more.find()) {
                found.add(Integer.parseInt(more.group()));
            }
        }
        return found;
    }

    /** @return the sentence as added, or null when it was rejected */
    @Nullable
    AnswerSentence ground(Claim claim, List<RetrievedChunk> chunks, Grounded into) {
        if (claim.text().equals(GroundedPrompts.NOT_FOUND) || claim.tags().isEmpty()) {
            into.reject(claim.text(), "NO_CITATION");
            return null;
        }
        String reason = "UNKNOWN_SOURCE";
        int[] bestSpan = null;
        RetrievedChunk bestChunk = null;
        double bestCoverage = -1;
        for (int tag : claim.tags()) {
            if (tag < 1 || tag > chunks.size()) {
                continue;
            }
            RetrievedChunk chunk = chunks.get(tag - 1);
            int[] verbatim = find(chunk.text(), stripEnd(claim.text()));
            if (verbatim != null) {
                return into.add(claim.text(), chunk, verbatim[0], verbatim[1]);
            }
            String problem = problem(claim.text(), chunk.text());
            if (problem != null) {
                reason = problem;
                continue;
            }
            Set<String> claimTerms = new HashSet<>(Terms.of(claim.text()));
            Set<String> chunkTerms = new HashSet<>(Terms.of(chunk.text()));
            double coverage = claimTerms.isEmpty() ? 0 : covered(claimTerms, chunkTerms) / (double) claimTerms.size();
            if (coverage < minSupport) {
                reason = "NOT_SUPPORTED";
                continue;
            }
            if (coverage > bestCoverage) {
                bestCoverage = coverage;
                bestChunk = chunk;
                bestSpan = supportingSentence(chunk.text(), claimTerms);
            }
        }
        if (bestChunk == null) {
            into.reject(claim.text(), reason);
            return null;
        }
        return into.add(claim.text(), bestChunk, bestSpan[0], bestSpan[1]);
    }

    /** Why the chunk cannot support the claim for certain: a quoted phrase or a number the chunk does not hold. */
    private static @Nullable String problem(String claim, String chunk) {
        Matcher quoted = QUOTED.matcher(claim);
        while (quoted.find()) {
            if (find(chunk, quoted.group(1)) == null) {
                return "QUOTE_NOT_IN_SOURCE";
            }
        }
        Set<String> chunkNumbers = new HashSet<>();
        Matcher n = DIGITS.matcher(chunk);
        while (n.find()) {
            chunkNumbers.add(n.group());
        }
        Matcher c = DIGITS.matcher(claim);
        while (c.find()) {
            if (!chunkNumbers.contains(c.group())) {
                return "NOT_SUPPORTED";
            }
        }
        return null;
    }

    private static int covered(Set<String> claimTerms, Set<String> chunkTerms) {
        int covered = 0;
        for (String term : claimTerms) {
            if (chunkTerms.contains(term)) {
                covered++;
            }
        }
        return covered;
    }

    private static int[] supportingSentence(String chunk, Set<String> claimTerms) {
        SentenceSplitter.Span best = null;
        int bestShared = -1;
        for (SentenceSplitter.Span span : SentenceSplitter.split(chunk)) {
            int shared = covered(claimTerms, new HashSet<>(Terms.of(span.of(chunk))));
            if (shared > bestShared
                    || (shared == bestShared && span.end() - span.start() < best.end() - best.start())) {
                best = span;
                bestShared = shared;
            }
        }
        return best == null ? new int[] {0, chunk.length()} : new int[] {best.start(), best.end()};
    }

    /** The span of {@code phrase} in {@code text}, ignoring case and differences in whitespace, or null. */
    static int @Nullable [] find(String text, String phrase) {
        String[] words = phrase.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    private static String stripEnd(String sentence) {
        String s = sentence.strip();
        while (!s.isEmpty() && ".!?".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
