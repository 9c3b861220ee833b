package io.docmatrix.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A GitHub-flavoured Markdown table; cells are escaped so a category like "Rofr/Rofo/Rofn" or a pipe cannot break it. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Double d ? fixed(d) : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append('|');
        header.forEach(h -> out.append(" --- |"));
        out.append('\n');
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    /** Three decimals: enough to see a change of one question in a few hundred. */
    public static String fixed(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c ->
                out.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        out.append('\n');
    }
}
