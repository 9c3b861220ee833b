package io.docmatrix.eval.abuse.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputCorpusTest {

    private final List<BadFile> smoke = new BadInputCorpus("http://127.0.0.1:9/", "dmxabusetest", false).generate();

    @Test
    void theSmokeSampleCoversEveryFamilyOfTheCorpus() {
        assertThat(smoke).hasSizeBetween(40, 70);
        assertThat(smoke.stream().map(BadFile::family).distinct())
                .contains(
                        "size",
                        "pdf-active",
                        "pdf-structure",
                        "docx-xml",
                        "zip-bomb",
                        "polyglot",
                        "content-type-lie",
                        "filename",
                        "truncated",
                        "bit-flip");
    }

    @Test
    void everyFileGetsADistinctIdempotencyKeyTheGatewayAccepts() throws Exception {
        List<BadFile> files =
                new java.util.ArrayList<>(new BadInputCorpus("http://127.0.0.1:9/", "dmxabusetest", true).generate());
        java.nio.file.Path corpus = java.nio.file.Files.createTempDirectory("corpus");
        java.nio.file.Files.createDirectories(corpus.resolve("files/pdfbox"));
        java.nio.file.Files.writeString(corpus.resolve("files/pdfbox/a file (1).pdf"), "%PDF-1.4");
        files.addAll(UploadSuite.parserCorpus(corpus));

        List<String> keys = files.stream()
                .map(f -> UploadSuite.idempotencyKey("0a1b2c3d", f))
                .toList();

        // The gateway's rule (UploadController): a parser-corpus path or a hostile name is no key of its own.
        assertThat(keys).allSatisfy(k -> assertThat(k).matches("[A-Za-z0-9._:-]{1,128}"));
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void everyTraversalNameCarriesTheRunMarkerSoTheBlobRootScanCanFindIt() {
        assertThat(smoke.stream().filter(f -> f.name().startsWith("traversal")))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.filename()).contains("dmxabusetest"));
    }

    @Test
    void outwardReferencesPointAtTheHarnessListener() {
        BadFile rtf = smoke.stream()
                .filter(f -> f.name().equals("include-picture-url"))
                .findFirst()
                .orElseThrow();

        assertThat(new String(rtf.content(), StandardCharsets.ISO_8859_1)).contains("127.0.0.1:9/rtf-picture");
        assertThat(rtf.content().length).isPositive();
    }

    @Test
    void theSizeCasesSitExactlyAtAndJustOverTheLimit() {
        BadFile at = smoke.stream()
                .filter(f -> f.name().equals("at-limit"))
                .findFirst()
                .orElseThrow();
        BadFile over = smoke.stream()
                .filter(f -> f.name().equals("over-limit"))
                .findFirst()
                .orElseThrow();

        assertThat(at.content()).hasSize(BadInputCorpus.SIZE_LIMIT);
        assertThat(over.content()).hasSize(BadInputCorpus.SIZE_LIMIT + 1);
        assertThat(at.expect()).isEqualTo(BadFile.Expect.NOT_TOO_LARGE);
    }
}
