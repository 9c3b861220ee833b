package io.docmatrix.ingestion.parsing;

import static io.docmatrix.ingestion.parsing.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Heading;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedDocumentParserTest {

    private static IsolatedDocumentParser parser;

    @BeforeAll
    static void startWorker() {
        parser = new IsolatedDocumentParser(ParseLimits.defaults().withTimeout(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopWorker() {
        parser.close();
    }

    private static Parsed parsed(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(Parsed.class);
        return (Parsed) outcome;
    }

    private static Failed failed(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(Failed.class);
        return (Failed) outcome;
    }

    @Test
    void parsesAMultiPagePdfWithCharacterOffsetsPerPage() {
        byte[] pdf = Fixtures.pdf(List.of(
                List.of("ARTICLE 1 DEFINITIONS", "1.1 Agreement means this agreement."),
                List.of("ARTICLE 2 PAYMENT", "2.1 Fees are due within thirty days.")));

        Parsed result = parsed(parser.parse("contract.pdf", pdf));

        assertThat(result.mediaType()).isEqualTo("application/pdf");
        assertThat(result.pages()).hasSize(2);
        String first = result.text()
                .substring(result.pages().get(0).start(), result.pages().get(0).end());
        String second = result.text()
                .substring(result.pages().get(1).start(), result.pages().get(1).end());
        assertThat(first)
                .contains("thirty days".isEmpty() ? "" : "Agreement means")
                .doesNotContain("Fees");
        assertThat(second).contains("Fees are due within thirty days");
        assertThat(result.pageAt(result.text().indexOf("Fees"))).isEqualTo(2);
        assertThat(result.headings()).extracting(Heading::title).contains("ARTICLE 1 DEFINITIONS", "ARTICLE 2 PAYMENT");
    }

    @Test
    void parsesADocxWithItsHeadingStyleAndTableHeaderRow() {
        byte[] docx = Fixtures.docx(
                "Pricing Schedule",
                List.of("The following prices apply from 1 January."),
                List.of(List.of("Item", "Price"), List.of("Widget", "10 EUR"), List.of("Gadget", "25 EUR")));

        Parsed result = parsed(parser.parse("schedule.docx", docx));

        assertThat(result.headings()).extracting(Heading::title).contains("Pricing Schedule");
        assertThat(result.tables()).hasSize(1);
        var table = result.tables().get(0);
        assertThat(table.rows()).hasSize(3);
        assertThat(result.text()
                        .substring(
                                table.rows().get(0).start(), table.rows().get(0).end()))
                .isEqualTo("Item | Price");
        assertThat(result.blocks()).extracting(Block::kind).contains(Block.Kind.TABLE);
    }

    @Test
    void parsesHtmlWithoutScriptsOrTitle() {
        String html = "<html><head><title>Tab title</title><script>var secret = 1;</script></head><body>"
                + "<h1>Terms of Service</h1><p>You agree to these terms.</p><h2>2. Liability</h2>"
                + "<p>Liability is limited.</p><table><tr><th>Plan</th><th>Cap</th></tr>"
                + "<tr><td>Basic</td><td>100</td></tr></table></body></html>";

        Parsed result = parsed(parser.parse("terms.html", utf8(html)));

        assertThat(result.text()).contains("You agree to these terms.").doesNotContain("secret", "Tab title");
        assertThat(result.headings()).extracting(Heading::title).contains("Terms of Service", "2. Liability");
        assertThat(result.text()).contains("Plan | Cap\nBasic | 100");
    }

    @Test
    void parsesMarkdownHeadingsAndParagraphs() {
        String markdown = "# Master Agreement\n\nIntro paragraph.\n\n## Scope\n\nThe scope is software services.\n";

        Parsed result = parsed(parser.parse("agreement.md", utf8(markdown)));

        assertThat(result.headings())
                .extracting(Heading::level, Heading::title)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(1, "Master Agreement"),
                        org.assertj.core.groups.Tuple.tuple(2, "Scope"));
        assertThat(result.blocks()).hasSize(4);
    }

    @Test
    void parsesPlainTextIntoParagraphs() {
        Parsed result = parsed(parser.parse("notes.txt", utf8("First paragraph.\n\nSecond paragraph\nwraps here.\n")));

        assertThat(result.text()).isEqualTo("First paragraph.\n\nSecond paragraph\nwraps here.");
        assertThat(result.pages()).singleElement().satisfies(p -> assertThat(p.number())
                .isEqualTo(1));
    }

    @Test
    void parsesRtf() {
        String rtf = "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard Governing law is Dutch law.\\par}";

        Parsed result = parsed(parser.parse("letter.rtf", utf8(rtf)));

        assertThat(result.text()).contains("Governing law is Dutch law.");
    }

    @Test
    void parsesOdt() {
        Parsed result = parsed(parser.parse("memo.odt", Fixtures.odt("Memo", "Meeting moved to Friday.")));

        assertThat(result.text()).contains("Meeting moved to Friday.");
        assertThat(result.headings()).extracting(Heading::title).contains("Memo");
    }

    @Test
    void neitherRunsNorExtractsPdfJavaScriptOrAttachments() {
        byte[] pdf = Fixtures.pdfWithActiveContent("Visible page text.", "SCRIPT-MARKER", "ATTACHMENT-MARKER");

        Parsed result = parsed(parser.parse("active.pdf", pdf));

        assertThat(result.text()).contains("Visible page text.").doesNotContain("SCRIPT-MARKER", "ATTACHMENT-MARKER");
    }

    @Test
    void reportsAPasswordProtectedPdfAsEncrypted() {
        byte[] pdf = Fixtures.encryptedPdf(List.of(List.of("Confidential")), "s3cret");

        assertThat(failed(parser.parse("locked.pdf", pdf)).code()).isEqualTo(ParseFailure.ENCRYPTED_DOCUMENT);
    }

    @Test
    void refusesADocxThatExpandsLikeAZipBomb() {
        byte[] docx = Fixtures.docx("Bomb", List.of("text"), List.of());
        byte[] bomb = Fixtures.rewriteZip(docx, "none", s -> s, "word/media/zeros.bin", new byte[64 << 20]);

        Failed result = failed(parser.parse("bomb.docx", bomb));

        assertThat(result.code()).isEqualTo(ParseFailure.ARCHIVE_LIMIT_EXCEEDED);
    }

    @Test
    void refusesAZipWithTooManyEntries() {
        byte[] docx = Fixtures.docx("Many", List.of("text"), List.of());
        IsolatedDocumentParser strict = new IsolatedDocumentParser(
                new ParseLimits(Duration.ofSeconds(30), 1 << 20, 10_000, 10, 5, 1 << 20, 100, 256, List.of()));
        try (strict) {
            assertThat(failed(strict.parse("many.docx", docx)).code()).isEqualTo(ParseFailure.ARCHIVE_LIMIT_EXCEEDED);
        }
    }

    @Test
    void refusesANestedArchive() {
        byte[] docx = Fixtures.docx("Nested", List.of("text"), List.of());
        byte[] nested = Fixtures.rewriteZip(docx, "none", s -> s, "word/inner.zip", docx);

        assertThat(failed(parser.parse("nested.docx", nested)).code()).isEqualTo(ParseFailure.ARCHIVE_LIMIT_EXCEEDED);
    }

    @Test
    void neverResolvesAnExternalEntityInADocx(@TempDir Path dir) throws Exception {
        String secret = "secret-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        byte[] docx = Fixtures.docx("Title", List.of("PLACEHOLDER"), List.of());
        byte[] xxe = Fixtures.rewriteZip(docx, "word/document.xml", xml -> withDoctype(
                        xml, "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>")
                .replace("PLACEHOLDER", "&xxe;"));

        ParseOutcome result = parser.parse("xxe.docx", xxe);

        if (result instanceof Parsed parsed) {
            assertThat(parsed.text()).doesNotContain(secret);
        } else {
            assertThat(((Failed) result).code()).isEqualTo(ParseFailure.UNPARSEABLE_DOCUMENT);
        }
    }

    @Test
    void doesNotExpandABillionLaughsDocx() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol \"lol\">");
        doctype.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            doctype.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        byte[] docx = Fixtures.docx("Title", List.of("PLACEHOLDER"), List.of());
        byte[] laughs = Fixtures.rewriteZip(docx, "word/document.xml", xml -> withDoctype(xml, doctype.toString())
                .replace("PLACEHOLDER", "&lol9;"));

        ParseOutcome result = parser.parse("laughs.docx", laughs);

        if (result instanceof Parsed parsed) {
            assertThat(parsed.text()).doesNotContain("lollollol");
        } else {
            assertThat(((Failed) result).code()).isEqualTo(ParseFailure.UNPARSEABLE_DOCUMENT);
        }
    }

    @Test
    void reportsADocumentWithoutTextAsEmpty() {
        assertThat(failed(parser.parse("blank.txt", utf8("  \n\n "))).code()).isEqualTo(ParseFailure.EMPTY_DOCUMENT);
        assertThat(failed(parser.parse("blank.pdf", Fixtures.pdf(List.of(List.of()))))
                        .code())
                .isEqualTo(ParseFailure.EMPTY_DOCUMENT);
    }

    @Test
    void reportsGarbageBytesAsUnparseable() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);

        assertThat(failed(parser.parse("upload.bin", garbage)).code()).isEqualTo(ParseFailure.UNPARSEABLE_DOCUMENT);
        assertThat(failed(parser.parse("broken.pdf", utf8("%PDF-1.7\n1 0 obj <<")))
                        .code())
                .isIn(ParseFailure.UNPARSEABLE_DOCUMENT, ParseFailure.EMPTY_DOCUMENT);
    }

    @Test
    void failsTextLongerThanTheCharacterLimit() {
        String text =
                IntStream.range(0, 2000).mapToObj(i -> "Sentence " + i + ".").reduce("", (a, b) -> a + "\n\n" + b);
        IsolatedDocumentParser small = new IsolatedDocumentParser(
                new ParseLimits(Duration.ofSeconds(30), 1 << 20, 1_000, 10, 100, 1 << 20, 100, 256, List.of()));
        try (small) {
            assertThat(failed(small.parse("long.txt", utf8(text))).code()).isEqualTo(ParseFailure.TEXT_LIMIT_EXCEEDED);
            assertThat(failed(small.parse(
                                    "long.pdf",
                                    Fixtures.pdf(IntStream.range(0, 11)
                                            .mapToObj(i -> List.of("Page " + i))
                                            .toList())))
                            .code())
                    .isEqualTo(ParseFailure.PAGE_LIMIT_EXCEEDED);
        }
    }

    @Test
    void refusesFilesLargerThanTheLimit() {
        IsolatedDocumentParser small = new IsolatedDocumentParser(
                ParseLimits.defaults().withTimeout(Duration.ofSeconds(5)).withMaxFileBytes(10));
        try (small) {
            assertThat(failed(small.parse("big.txt", utf8("more than ten bytes")))
                            .code())
                    .isEqualTo(ParseFailure.FILE_TOO_LARGE);
        }
    }

    @Test
    void killsARunawayParseReportsTimeoutAndParsesTheNextDocument() {
        IsolatedDocumentParser hooked = new IsolatedDocumentParser(ParseLimits.defaults()
                .withTimeout(Duration.ofSeconds(3))
                .withWorkerJvmArgs(List.of("-D" + ParserWorkerMain.TEST_HOOKS_PROPERTY + "=true")));
        try (hooked) {
            assertThat(parsed(hooked.parse("before.txt", utf8("Before."))).text())
                    .isEqualTo("Before.");

            Failed hang = failed(hooked.parse("__hang__", utf8("loops forever")));
            Failed oom = failed(hooked.parse("__oom__", utf8("exhausts the heap")));
            ParseOutcome next = hooked.parse("after.txt", utf8("After."));

            assertThat(hang.code()).isEqualTo(ParseFailure.PARSE_TIMEOUT);
            assertThat(oom.code()).isEqualTo(ParseFailure.MEMORY_LIMIT_EXCEEDED);
            assertThat(parsed(next).text()).isEqualTo("After.");
            assertThat(hooked.workerStarts()).isEqualTo(3);
        }
    }

    @Test
    void neverRunsTestHooksInAnOrdinaryWorker() {
        assertThatCode(() -> assertThat(parsed(parser.parse("__hang__", utf8("Just a name.")))
                                .text())
                        .isEqualTo("Just a name."))
                .doesNotThrowAnyException();
    }

    private static String withDoctype(String xml, String doctype) {
        int end = xml.indexOf("?>") + 2;
        return xml.substring(0, end) + doctype + xml.substring(end);
    }
}
