package io.docmatrix.ingestion.parsing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Documents generated for tests: every format built here, nothing copied from elsewhere. */
public final class Fixtures {

    private Fixtures() {}

    /** A PDF with one page per entry of {@code pages}, each page's lines as given. */
    public static byte[] pdf(List<List<String>> pages) {
        return pdf(pages, null);
    }

    public static byte[] encryptedPdf(List<List<String>> pages, String userPassword) {
        return pdf(pages, userPassword);
    }

    private static byte[] pdf(List<List<String>> pages, String userPassword) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(16);
                    content.newLineAtOffset(50, 740);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan: a page holding only an image of text. */
    static byte[] imageOnlyPdf() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().drawString("scanned words", 10, 50);
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 50, 500);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A scan: each page is one 200 DPI image of its text drawn with Java2D, filling the page, and nothing else (no
     * text layer), as a scanner produces.
     */
    static byte[] scannedPdf(List<String> pageTexts) {
        try (PDDocument document = new PDDocument()) {
            for (String text : pageTexts) {
                PDPage page = new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.LETTER);
                document.addPage(page);
                BufferedImage image = new BufferedImage(1700, 2200, BufferedImage.TYPE_BYTE_GRAY);
                java.awt.Graphics2D g = image.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.setColor(java.awt.Color.BLACK);
                g.setRenderingHint(
                        java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 40));
                int y = 200;
                StringBuilder line = new StringBuilder();
                for (String word : text.split(" ")) {
                    if (line.length() + word.length() > 55) {
                        g.drawString(line.toString().trim(), 150, y);
                        y += 60;
                        line.setLength(0);
                    }
                    line.append(word).append(' ');
                }
                g.drawString(line.toString().trim(), 150, y);
                g.dispose();
                PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(
                            xobject,
                            0,
                            0,
                            page.getMediaBox().getWidth(),
                            page.getMediaBox().getHeight());
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a JavaScript open action and an attached text file, each carrying its own marker text. */
    static byte[] pdfWithActiveContent(String pageText, String scriptMarker, String attachmentMarker) {
        byte[] page = pdf(List.of(List.of(pageText)));
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(page)) {
            document.getDocumentCatalog()
                    .setOpenAction(new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript(
                            "app.alert('" + scriptMarker + "');"));
            org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification spec =
                    new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile("notes.txt");
            org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile file =
                    new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(
                            document, new ByteArrayInputStream(utf8(attachmentMarker)));
            file.setSubtype("text/plain");
            spec.setEmbeddedFile(file);
            org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree =
                    new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("notes.txt", spec));
            org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
                    new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** A DOCX with a styled heading, paragraphs and a table whose first row is the header. */
    static byte[] docx(String heading, List<String> paragraphs, List<List<String>> table) {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFStyles styles = document.createStyles();
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading1");
            style.setType(STStyleType.PARAGRAPH);
            CTString name = CTString.Factory.newInstance();
            name.setVal("heading 1");
            style.setName(name);
            styles.addStyle(new XWPFStyle(style));
            XWPFParagraph title = document.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(heading);
            for (String text : paragraphs) {
                document.createParagraph().createRun().setText(text);
            }
            if (!table.isEmpty()) {
                XWPFTable t = document.createTable(table.size(), table.get(0).size());
                for (int r = 0; r < table.size(); r++) {
                    for (int c = 0; c < table.get(r).size(); c++) {
                        t.getRow(r).getCell(c).setText(table.get(r).get(c));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one entry of a zip container (e.g. {@code word/document.xml}) and optionally adds one. */
    static byte[] rewriteZip(byte[] zip, String entryName, UnaryOperator<String> rewrite) {
        return rewriteZip(zip, entryName, rewrite, null, null);
    }

    static byte[] rewriteZip(
            byte[] zip, String entryName, UnaryOperator<String> rewrite, String addName, byte[] addContent) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    content = rewrite.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            if (addName != null) {
                out.putNextEntry(new ZipEntry(addName));
                out.write(addContent);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal OpenDocument text: the three entries an ODT needs. */
    static byte[] odt(String heading, String paragraph) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            out.putNextEntry(mimetype);
            out.write(type);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                            + "<manifest:file-entry manifest:full-path=\"/\""
                            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                            + "</manifest:manifest>")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                            + "<office:body><office:text><text:h text:outline-level=\"1\">" + heading + "</text:h>"
                            + "<text:p>" + paragraph
                            + "</text:p></office:text></office:body></office:document-content>")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
