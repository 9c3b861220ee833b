package io.docmatrix.analysis.clause;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY, TEST ONLY: a keyword labeller standing in for the real ClauseLabeller, which is built in parallel in
 * another branch. It lets this branch's integration tests run the whole pipeline; the integrator deletes it when the
 * real labeller (a main bean) arrives, and the fixtures use wording any competent labeller recognises.
 */
@Component
public class TemporaryRegexClauseLabeller implements ClauseLabeller {

    private static final Pattern SENTENCE = Pattern.compile("[^.]+\\.");
    private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("Governing Law", Pattern.compile("governed by the laws", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put(
                "Cap on Liability",
                Pattern.compile("total liability.{0,80}shall not exceed", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put(
                "Uncapped Liability",
                Pattern.compile("unlimited liability|liability shall not be limited", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put(
                "Termination for Convenience",
                Pattern.compile("terminate this agreement for convenience", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put("Renewal Term", Pattern.compile("automatically renew", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put(
                "Notice Period to Terminate Renewal",
                Pattern.compile("notice of non-renewal", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put("Anti-Assignment", Pattern.compile("assign this agreement without", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put("Exclusivity", Pattern.compile("exclusive supplier", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put("Non-Compete", Pattern.compile("shall not compete", Pattern.CASE_INSENSITIVE));
        CATEGORIES.put("Audit Rights", Pattern.compile("right to audit", Pattern.CASE_INSENSITIVE));
    }

    @Override
    public ClauseLabels label(DocumentForAnalysis document) {
        List<ClauseMatch> matches = new ArrayList<>();
        Set<String> categories = new HashSet<>();
        for (AnalysedChunk chunk : document.chunks()) {
            Matcher sentence = SENTENCE.matcher(chunk.text());
            while (sentence.find()) {
                for (Map.Entry<String, Pattern> category : CATEGORIES.entrySet()) {
                    if (category.getValue().matcher(sentence.group()).find()) {
                        int start = sentence.start()
                                + (sentence.group().length()
                                        - sentence.group().stripLeading().length());
                        matches.add(new ClauseMatch(
                                category.getKey(),
                                0.9,
                                chunk.chunkId(),
                                chunk.page(),
                                chunk.start() + start,
                                chunk.start() + sentence.end(),
                                chunk.text().substring(start, sentence.end())));
                        categories.add(category.getKey());
                    }
                }
            }
        }
        return new ClauseLabels(categories.size() >= 2 ? DocumentKind.CONTRACT : DocumentKind.OTHER, matches);
    }
}
