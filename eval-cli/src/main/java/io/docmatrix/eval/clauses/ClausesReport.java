package io.docmatrix.eval.clauses;

import io.docmatrix.eval.report.MarkdownTable;
import io.docmatrix.eval.scoring.PresenceScores;
import java.util.List;
import java.util.Map;

/** The figures of one {@code clauses} run, as written to report.json, and their Markdown rendering. */
record ClausesReport(
        String dataset,
        String gateway,
        String startedAt,
        String finishedAt,
        Map<String, Object> settings,
        List<String> skippedCategories,
        List<String> evaluatedCategories,
        int goldSpansRelocated,
        int goldSpansDropped,
        List<ClausesEvaluation.FoldReport> folds,
        PresenceScores.Result combined) {

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Clause evaluation: ").append(dataset).append("\n\n");
        out.append("Gateway ")
                .append(gateway)
                .append(", ")
                .append(startedAt)
                .append(" to ")
                .append(finishedAt)
                .append(".\n");
        out.append("Skipped (document-level metadata): ")
                .append(String.join(", ", skippedCategories))
                .append(".\n\n");
        MarkdownTable foldTable = new MarkdownTable(
                "evaluated fold",
                "tenant",
                "exemplars from",
                "learned",
                "contracts",
                "scored",
                "micro P",
                "micro R",
                "micro F1",
                "macro F1",
                "span recall");
        for (ClausesEvaluation.FoldReport fold : folds) {
            PresenceScores.CategoryScore micro = fold.scores().micro();
            foldTable.row(
                    fold.evaluatedFold(),
                    fold.tenant(),
                    fold.learnedFrom(),
                    fold.exemplarsLearned(),
                    fold.contracts(),
                    fold.contractsScored(),
                    micro.precision(),
                    micro.recall(),
                    micro.f1(),
                    fold.scores().macro().f1(),
                    micro.spanRecall());
        }
        out.append(foldTable.render()).append('\n');
        out.append("## Per category (all evaluated folds together)\n\n");
        MarkdownTable table = new MarkdownTable(
                "category", "gold present", "TP", "FP", "FN", "precision", "recall", "F1", "span recall");
        for (PresenceScores.CategoryScore c : combined.categories()) {
            table.row(
                    c.category(),
                    c.truePositives() + c.falseNegatives(),
                    c.truePositives(),
                    c.falsePositives(),
                    c.falseNegatives(),
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.spanRecall());
        }
        PresenceScores.CategoryScore micro = combined.micro();
        table.row(
                "**micro**",
                micro.truePositives() + micro.falseNegatives(),
                micro.truePositives(),
                micro.falsePositives(),
                micro.falseNegatives(),
                micro.precision(),
                micro.recall(),
                micro.f1(),
                micro.spanRecall());
        PresenceScores.Averages macro = combined.macro();
        table.row(
                "**macro** (" + macro.categories() + " categories)",
                "",
                "",
                "",
                "",
                macro.precision(),
                macro.recall(),
                macro.f1(),
                "");
        out.append(table.render());
        return out.toString();
    }
}
