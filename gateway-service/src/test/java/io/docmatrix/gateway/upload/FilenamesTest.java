package io.docmatrix.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FilenamesTest {

    @Test
    void keepsOnlyTheLastPathSegmentWhateverTheSeparator() {
        assertThat(Filenames.normalize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.normalize("C:\\Users\\me\\contract.pdf")).isEqualTo("contract.pdf");
    }

    @Test
    void removesControlCharactersNulAndLineBreaks() {
        assertThat(Filenames.normalize("con\u0000tract\r\n.pdf")).isEqualTo("contract.pdf");
    }

    @Test
    void removesBidirectionalOverridesThatDisguiseExtensions() {
        assertThat(Filenames.normalize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(Filenames.normalize("a\u2066b\u2069.txt")).isEqualTo("ab.txt");
    }

    @Test
    void neverYieldsAHiddenOrEmptyName() {
        assertThat(Filenames.normalize("...")).isEqualTo("document");
        assertThat(Filenames.normalize(".bashrc")).isEqualTo("bashrc");
        assertThat(Filenames.normalize(null)).isEqualTo("document");
        assertThat(Filenames.normalize("/")).isEqualTo("document");
    }

    @Test
    void limitsLengthInBytesAndKeepsTheExtension() {
        String longName = "é".repeat(400) + ".pdf";

        String normalized = Filenames.normalize(longName);

        assertThat(normalized.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(normalized).endsWith(".pdf").startsWith("éé");
    }
}
