package io.docmatrix.eval.qa;

import io.docmatrix.eval.corpus.CorpusLoader.AlignmentSummary;
import io.docmatrix.eval.corpus.CorpusLoader.LoadSummary;
import io.docmatrix.eval.report.MarkdownTable;
import io.docmatrix.eval.scoring.Latencies;
import io.docmatrix.eval.scoring.RankedRetrieval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The figures of one {@code qa} run, as written to report.json, and their Markdown rendering. */
record QaReport(
        String dataset,
        String gateway,
        String tenant,
        String startedAt,
        String finishedAt,
        Map<String, Object> settings,
        int questionsInDataset,
        int questionsAsked,
        int goldSpansRelocated,
        LoadSummary load,
        AlignmentSummary offsets,
        Map<String, RetrievalFigures> retrieval,
        @Nullable AnswerFigures answers,
        long questionsWithErrors,
        List<String> firstErrors) {

    record RetrievalFigures(
            long questions,
            double recallAt1,
            double recallAt5,
            double recallAt10,
            double mrr,
            Latencies.Summary latency) {}

    record AnswerFigures(
            long answered,
            double containment,
            double tokenF1,
            double meanChars,
            double meanSentences,
            long citations,
            long validCitations,
            double citationValidity,
            long answersWithoutCitations,
            Latencies.Summary latency) {}

    static Map<String, RetrievalFigures> retrieval(QaEvaluation.Outcome outcome, List<String> modes) {
        Map<String, RetrievalFigures> figures = new LinkedHashMap<>();
        for (String mode : modes) {
            RankedRetrieval metrics = new RankedRetrieval(QaEvaluation.CUTOFFS);
            outcome.results().forEach(r -> metrics.add(r.firstHitRank().getOrDefault(mode, 0)));
            figures.put(
                    mode,
                    new RetrievalFigures(
                            metrics.questions(),
                            metrics.recallAt(1),
                            metrics.recallAt(5),
                            metrics.recallAt(10),
                            metrics.mrr(),
                            outcome.searchLatency().get(mode).summary()));
        }
        return figures;
    }

    static @Nullable AnswerFigures answers(QaEvaluation.Outcome outcome) {
        List<QaEvaluation.AnswerResult> answers = outcome.results().stream()
                .map(QaEvaluation.QuestionResult::answer)
                .filter(Objects::nonNull)
                .toList();
        if (answers.isEmpty()) {
            return null;
        }
        long citations =
                answers.stream().mapToLong(QaEvaluation.AnswerResult::citations).sum();
        long valid = answers.stream()
                .mapToLong(QaEvaluation.AnswerResult::validCitations)
                .sum();
        return new AnswerFigures(
                answers.size(),
                answers.stream().filter(QaEvaluation.AnswerResult::containsGold).count() / (double) answers.size(),
                answers.stream()
                        .mapToDouble(QaEvaluation.AnswerResult::tokenF1)
                        .average()
                        .orElse(0),
                answers.stream()
                        .mapToInt(QaEvaluation.AnswerResult::chars)
                        .average()
                        .orElse(0),
                answers.stream()
                        .mapToInt(QaEvaluation.AnswerResult::sentences)
                        .average()
                        .orElse(0),
                citations,
                valid,
                citations == 0 ? 0 : valid / (double) citations,
                answers.stream().filter(a -> a.citations() == 0).count(),
                outcome.queryLatency().summary());
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# QA evaluation: ").append(dataset).append("\n\n");
        out.append("Gateway ")
                .append(gateway)
                .append(", tenant `")
                .append(tenant)
                .append("`, ")
                .append(startedAt)
                .append(" to ")
                .append(finishedAt)
                .append(".\n");
        out.append(questionsAsked)
                .append(" of ")
                .append(questionsInDataset)
                .append(" questions; ")
                .append(load.ready())
                .append(" of ")
                .append(load.documents())
                .append(" documents READY (")
                .append(load.reused())
                .append(" reused, ")
                .append(load.failed())
                .append(" failed, ")
                .append(load.uploadsRefused().size())
                .append(" refused at upload, ")
                .append(load.notSearchable())
                .append(" not searchable in time).\n");
        out.append("Offsets: ")
                .append(offsets.chunksExact())
                .append(" of ")
                .append(offsets.chunks())
                .append(" chunks equal the source at their offsets, ")
                .append(offsets.chunksRemapped())
                .append(" remapped, ")
                .append(offsets.chunksUnlocated())
                .append(" not located.\n\n");
        out.append("## Retrieval\n\n");
        MarkdownTable table = new MarkdownTable(
                "mode", "questions", "recall@1", "recall@5", "recall@10", "MRR", "p50 ms", "p95 ms", "p99 ms");
        retrieval.forEach((mode, f) -> table.row(
                mode,
                f.questions(),
                f.recallAt1(),
                f.recallAt5(),
                f.recallAt10(),
                f.mrr(),
                f.latency().p50Ms(),
                f.latency().p95Ms(),
                f.latency().p99Ms()));
        out.append(table.render());
        if (answers != null) {
            out.append("\n## Answers\n\n");
            out.append(new MarkdownTable(
                            "answered",
                            "containment",
                            "token F1",
                            "mean chars",
                            "mean sentences",
                            "citation validity",
                            "no citation",
                            "p50 ms",
                            "p95 ms",
                            "p99 ms")
                    .row(
                            answers.answered(),
                            answers.containment(),
                            answers.tokenF1(),
                            answers.meanChars(),
                            answers.meanSentences(),
                            MarkdownTable.fixed(answers.citationValidity()) + " (" + answers.validCitations() + "/"
                                    + answers.citations() + ")",
                            answers.answersWithoutCitations(),
                            answers.latency().p50Ms(),
                            answers.latency().p95Ms(),
                            answers.latency().p99Ms())
                    .render());
        }
        if (questionsWithErrors > 0) {
            out.append("\n")
                    .append(questionsWithErrors)
                    .append(" questions had failed calls (counted as misses); first: ")
                    .append(firstErrors.isEmpty() ? "" : firstErrors.get(0))
                    .append('\n');
        }
        return out.toString();
    }
}
