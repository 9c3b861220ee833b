package io.docmatrix.analysis.facts;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY, TEST ONLY: a pattern fact extractor standing in for the real FactExtractor built in another branch;
 * the integrator deletes it when the real one arrives.
 */
@Component
public class TemporaryRegexFactExtractor implements FactExtractor {

    private static final Pattern NOTICE = Pattern.compile(
            "[a-z]+ \\((\\d+)\\) days'? (?:prior )?(?:written )?notice|notice of non-renewal at least [a-z]+ \\((\\d+)\\) days");
    private static final Pattern LAW = Pattern.compile("laws of the State of ([A-Z][a-z]+(?: [A-Z][a-z]+)*)");
    private static final Pattern RENEWAL = Pattern.compile("successive [a-z]+ \\((\\d+)\\) (year|month)");

    @Override
    public KeyFacts extract(DocumentForAnalysis document) {
        List<KeyFact> facts = new ArrayList<>();
        for (AnalysedChunk chunk : document.chunks()) {
            Matcher notice = NOTICE.matcher(chunk.text());
            while (notice.find()) {
                String days = notice.group(1) != null ? notice.group(1) : notice.group(2);
                facts.add(fact("NOTICE_PERIOD", notice, days + " days", "P" + days + "D", chunk));
            }
            Matcher law = LAW.matcher(chunk.text());
            while (law.find()) {
                facts.add(fact("GOVERNING_LAW", law, law.group(1), law.group(1), chunk));
            }
            Matcher renewal = RENEWAL.matcher(chunk.text());
            while (renewal.find()) {
                String unit = renewal.group(2).equals("year") ? "Y" : "M";
                facts.add(fact(
                        "RENEWAL_TERM",
                        renewal,
                        renewal.group(1) + " " + renewal.group(2) + "s",
                        "P" + renewal.group(1) + unit,
                        chunk));
            }
        }
        return new KeyFacts(facts);
    }

    private static KeyFact fact(String kind, Matcher m, String value, String normalized, AnalysedChunk chunk) {
        return new KeyFact(
                kind,
                value,
                normalized,
                chunk.chunkId(),
                chunk.page(),
                chunk.start() + m.start(),
                chunk.start() + m.end(),
                m.group());
    }
}
