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
