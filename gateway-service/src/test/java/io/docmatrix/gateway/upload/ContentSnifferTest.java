package io.docmatrix.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types come from the bytes: every fixture here is built in the test, and the file names lie where they can. */
class ContentSnifferTest {

    @TempDir
    Path dir;

    private final ContentSniffer sniffer = new ContentSniffer();

    @Test
    void recognisesAPdfWhateverItIsCalled() throws IOException {
        Path file = write("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(sniffer.detect(file, "notes.txt")).contains(DocumentType.PDF);
    }

    @Test
    void recognisesDocxAndOdtByTheirEntries() throws IOException {
        Path docx = write(zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
        Path odt = write(zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office/>"));

        assertThat(sniffer.detect(docx, "a.pdf")).contains(DocumentType.DOCX);
        assertThat(sniffer.detect(odt, "b.docx")).contains(DocumentType.ODT);
    }

    @Test
    void refusesAPlainZipCalledDocx() throws IOException {
        Path file = write(zip("payload.bin", "x".repeat(100)));

        assertThat(sniffer.detect(file, "contract.docx")).isEmpty();
    }

    @Test
    void refusesAnExecutableWithADocumentExtension() throws IOException {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};

        assertThat(sniffer.detect(write(elf), "contract.pdf")).isEmpty();
    }

    @Test
    void recognisesHtmlRtfAndText() throws IOException {
        assertThat(sniffer.detect(write("<!DOCTYPE html><html><body>Hi</body></html>".getBytes()), "x.txt"))
                .contains(DocumentType.HTML);
        assertThat(sniffer.detect(write("{\\rtf1\\ansi Hello}".getBytes()), "x.txt"))
                .contains(DocumentType.RTF);
        assertThat(sniffer.detect(write("Plain words in a file.\n".getBytes()), "x.pdf"))
                .contains(DocumentType.TEXT);
    }

    @Test
    void usesTheExtensionOnlyToTellMarkdownFromText() throws IOException {
        Path file = write("# Title\n\nSome *text*.\n".getBytes());

        assertThat(sniffer.detect(file, "readme.md")).contains(DocumentType.MARKDOWN);
        assertThat(sniffer.detect(file, "readme.txt")).contains(DocumentType.TEXT);
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
