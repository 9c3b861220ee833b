package io.docmatrix.gateway.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Decides what a stored upload really is from its bytes, never from the client's Content-Type or extension. Tika's
 * magic detection names the container (PDF, RTF, HTML, text, zip, OLE2); office containers are then told apart by
 * their entries. The extension only chooses between plain text and Markdown, which bytes cannot tell apart.
 */
@org.springframework.stereotype.Component
public final class ContentSniffer {

    private static final int OLE2_SCAN_BYTES = 1 << 20;

    private final Tika tika = new Tika();

    public Optional<DocumentType> detect(Path file, String normalizedFilename) throws IOException {
        MediaType detected;
        try (InputStream in = Files.newInputStream(file)) {
            // No file name in the metadata: Tika must not fall back to guessing from the extension.
            detected = MediaType.parse(tika.detect(in, new Metadata()));
        }
        String type = detected.getBaseType().toString();
        return switch (type) {
            case "application/pdf" -> Optional.of(DocumentType.PDF);
            case "application/rtf" -> Optional.of(DocumentType.RTF);
            case "text/html", "application/xhtml+xml" -> Optional.of(DocumentType.HTML);
            case "text/plain" -> Optional.of(textOrMarkdown(normalizedFilename));
            // Tika's magic may already name the container; the entries decide either way.
            case "application/zip",
                    "application/x-tika-ooxml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.oasis.opendocument.text" -> zipContainer(file);
            case "application/x-tika-msoffice" -> isWordBinary(file) ? Optional.of(DocumentType.DOC) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static DocumentType textOrMarkdown(String filename) {
        String extension = Filenames.extension(filename);
        return extension.equals("md") || extension.equals("markdown") ? DocumentType.MARKDOWN : DocumentType.TEXT;
    }

    // Reads only the central directory and, for ODF, the tiny "mimetype" entry: nothing is inflated beyond that.
    private static Optional<DocumentType> zipContainer(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null) {
                return Optional.of(DocumentType.DOCX);
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() >= 0 && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String declared = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    if (declared.equals(DocumentType.ODT.mediaType())) {
                        return Optional.of(DocumentType.ODT);
                    }
                }
            }
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.empty();
        }
    }

    // An OLE2 compound file is a Word document when its directory names the "WordDocument" stream (UTF-16LE).
    private static boolean isWordBinary(Path file) throws IOException {
        byte[] marker = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(OLE2_SCAN_BYTES);
            return indexOf(head, marker) >= 0;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
