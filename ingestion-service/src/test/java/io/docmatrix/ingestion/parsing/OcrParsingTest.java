package io.docmatrix.ingestion.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scanned pages through the real parser worker and the real Tesseract. Tests that need Tesseract skip where it is not
 * installed (deploy/local/provision installs it, so they run in CI).
 */
class OcrParsingTest {

    private static final Logger log = LoggerFactory.getLogger(OcrParsingTest.class);

    private static final String FIRST_PAGE = "The Supplier shall deliver the equipment to the warehouse of the Buyer"
            + " within fourteen days after the order is confirmed in writing.";
    private static final String SECOND_PAGE = "Either party may terminate this agreement by giving ninety days notice"
            + " to the other party at its registered address.";

    @Test
    void readsTheWordsOfScannedPagesAndKeepsThemOnTheirPages() {
        assumeTrue(OcrSettings.defaults().tesseract().isPresent(), "tesseract is not installed");
        byte[] scan = Fixtures.scannedPdf(List.of(FIRST_PAGE, SECOND_PAGE));

        try (IsolatedDocumentParser parser = new IsolatedDocumentParser(
                ParseLimits.defaults().withTimeout(Duration.ofSeconds(60)), OcrSettings.defaults())) {
            parser.parse("warm-up.txt", Fixtures.utf8("worker start-up is not OCR time"));
            long start = System.nanoTime();
            ParseOutcome outcome = parser.parse("scan.pdf", scan);
            // The figure docs/ingestion.md quotes for the cost of OCR per page.
            log.info(
                    "OCR of a 2-page scan (letter, 200 DPI images) took {} ms",
                    Duration.ofNanos(System.nanoTime() - start).toMillis());

            assertThat(outcome).isInstanceOf(Parsed.class);
            Parsed parsed = (Parsed) outcome;
            assertThat(parsed.pages()).hasSize(2);
            String first = parsed.text()
                    .substring(
                            parsed.pages().get(0).start(), parsed.pages().get(0).end());
            String second = parsed.text()
                    .substring(
                            parsed.pages().get(1).start(), parsed.pages().get(1).end());
            assertThat(overlap(FIRST_PAGE, first)).as(first).isGreaterThanOrEqualTo(0.8);
            assertThat(overlap(SECOND_PAGE, second)).as(second).isGreaterThanOrEqualTo(0.8);
            assertThat(words(first)).doesNotContain("terminate");
            assertThat(parsed.pageAt(parsed.text().indexOf("ninety"))).isEqualTo(2);
        }
    }

    @Test
    void failsAScanWithOcrRequiredWhenOcrIsDisabled() {
        byte[] scan = Fixtures.scannedPdf(List.of(FIRST_PAGE));

        try (IsolatedDocumentParser parser = new IsolatedDocumentParser(
                ParseLimits.defaults().withTimeout(Duration.ofSeconds(30)), OcrSettings.disabled())) {
            ParseOutcome outcome = parser.parse("scan.pdf", scan);

            assertThat(outcome).isInstanceOf(Failed.class);
            assertThat(((Failed) outcome).code()).isEqualTo(ParseFailure.OCR_REQUIRED);
        }
    }

    @Test
    void failsAScanWithOcrRequiredWhenTheConfiguredTesseractDoesNotExist() {
        OcrSettings missing = new OcrSettings(true, java.nio.file.Path.of("/nonexistent/bin/tesseract"), "eng");

        try (IsolatedDocumentParser parser =
                new IsolatedDocumentParser(ParseLimits.defaults().withTimeout(Duration.ofSeconds(30)), missing)) {
            ParseOutcome outcome = parser.parse("scan.pdf", Fixtures.imageOnlyPdf());

            assertThat(outcome).isInstanceOf(Failed.class);
            assertThat(((Failed) outcome).code()).isEqualTo(ParseFailure.OCR_REQUIRED);
        }
    }

    /** Share of the expected words found in the OCR text. */
    private static double overlap(String expected, String actual) {
        Set<String> want = words(expected);
        Set<String> got = words(actual);
        return want.stream().filter(got::contains).count() / (double) want.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }
}
