package io.docmatrix.ingestion.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docmatrix.ingestion.parsing.ParseFailure;
import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parser on every file of the shared parser corpus; skipped when the corpus is not on this machine. */
class ParserCorpusIT {

    private static final Logger log = LoggerFactory.getLogger(ParserCorpusIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void everyCorpusFileEndsParsedOrFailedWithAStableCodeWithinTheTimeLimit() throws Exception {
        Optional<Path> data = EvalData.locate();
        assumeTrue(data.isPresent(), "eval-data not found; set -Ddocmatrix.eval-data=...");

        ParserCorpusEvaluation.Report report = ParserCorpusEvaluation.run(data.get(), TIMEOUT);

        String markdown = report.markdown();
        log.info("Parser corpus:\n{}", markdown);
        java.nio.file.Files.writeString(Path.of("target", "parser-corpus-report.md"), markdown);
        assertThat(report.files()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(report.files()).allSatisfy(file -> {
            assertThat(file.millis()).isLessThan(TIMEOUT.toMillis() + 5_000);
            if (file.outcome() instanceof Failed failed) {
                assertThat(failed.code()).isNotEqualTo(ParseFailure.PARSER_CRASHED);
            }
        });
        assertThat(report.files())
                .filteredOn(f -> f.baselineStatus().equals("ok") && f.baselineChars() == 0)
                .isNotEmpty()
                // Never Parsed with nothing in it. One fuzzed DOCX that Tika "parsed" to nothing is rejected by POI
                // as not OOXML here (the zip check opens it first), which UNPARSEABLE_DOCUMENT describes better. A
                // scan the baseline (plain Tika, no OCR) found empty is Parsed with its words where tesseract is
                // installed.
                .allSatisfy(f -> {
                    if (f.outcome() instanceof Parsed parsed) {
                        assertThat(parsed.text()).as(f.id()).isNotBlank();
                    } else {
                        assertThat(f.code()).isIn("EMPTY_DOCUMENT", "OCR_REQUIRED", "UNPARSEABLE_DOCUMENT");
                    }
                });
        assertThat(report.files())
                .filteredOn(f -> f.category().equals("encrypted"))
                .allSatisfy(f -> assertThat(f.code()).isIn("ENCRYPTED_DOCUMENT", "PARSED"));
        double meanF1 = report.files().stream()
                .filter(f -> f.f1() != null)
                .mapToDouble(ParserCorpusEvaluation.FileResult::f1)
                .average()
                .orElse(0);
        double baselineF1 = report.files().stream()
                .filter(f -> f.baselineF1() != null)
                .mapToDouble(ParserCorpusEvaluation.FileResult::baselineF1)
                .average()
                .orElse(0);
        assertThat(meanF1).isGreaterThanOrEqualTo(baselineF1 - 0.02);
    }
}
