package io.docmatrix.analysis.clause;

import io.docmatrix.analysis.document.AnalysedChunk;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agreement's title: a line near the top naming a kind of agreement, in capitals or title case. */
final class DocumentTitle {

    private static final int LOOK_CHARS = 1500;
    private static final Pattern TITLE_LINE = Pattern.compile(
            "^[ \\t]*(([A-Z0-9][A-Z0-9 ,.&'()\\-]{0,100}?)?\\b(AGREEMENT|CONTRACT|AMENDMENT|ADDENDUM|LICENSE|LEASE|PLAN)\\b"
                    + "[A-Z0-9 ,.&'()\\-]{0,60}?|([A-Z][A-Za-z0-9&,'\\-]*[ \\t]+){0,8}(Agreement|Contract|Amendment|Addendum))[ \\t]*$",
            Pattern.MULTILINE);

    record Found(AnalysedChunk chunk, int from, int to) {}

    private DocumentTitle() {}

    static Optional<Found> find(List<AnalysedChunk> chunks) {
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        AnalysedChunk first = chunks.get(0);
        String head =
                first.text().substring(0, Math.min(LOOK_CHARS, first.text().length()));
        Matcher m = TITLE_LINE.matcher(head);
        while (m.find()) {
            String line = m.group().strip();
            if (line.length() >= 6) {
                int from = m.start() + m.group().indexOf(line);
                return Optional.of(new Found(first, from, from + line.length()));
            }
        }
        return Optional.empty();
    }
}
