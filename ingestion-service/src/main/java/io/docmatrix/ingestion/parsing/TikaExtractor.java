package io.docmatrix.ingestion.parsing;

import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;

/**
 * Runs Tika on one document inside the parser worker and turns what it produced, or how it failed, into a
 * {@link ParseOutcome}. Embedded documents, PDF actions and inline images are never extracted: active content is
 * neither executed nor followed, and an attachment cannot smuggle a second bomb past the limits.
 */
final class TikaExtractor {

    private static final int MAX_DETAIL = 300;

    private final ParseLimits limits;
    private final AutoDetectParser parser = new AutoDetectParser();
    private final ZipInspector zipInspector;
    private final boolean ocrAvailable;
    private final String ocrLanguage;

    /**
     * @param ocr OCR pages without a text layer when tesseract is on the PATH (the supervisor puts the configured one
     *     first, or passes false when OCR is disabled)
     */
    TikaExtractor(ParseLimits limits, boolean ocr, String ocrLanguage) {
        this.limits = limits;
        this.ocrAvailable = ocr && OcrSettings.onPath("tesseract").isPresent();
        this.ocrLanguage = ocrLanguage;
        this.zipInspector =
                new ZipInspector(limits.maxZipEntries(), limits.maxUncompressedBytes(), limits.maxCompressionRatio());
    }

    ParseOutcome extract(String fileName, byte[] content) {
        if (content.length == 0) {
            return new Failed(ParseFailure.EMPTY_DOCUMENT, "zero bytes");
        }
        if (content.length > limits.maxFileBytes()) {
            return new Failed(ParseFailure.FILE_TOO_LARGE, content.length + " bytes");
        }
        if (ZipInspector.isZip(content)) {
            Optional<Failed> refused = zipInspector.inspect(content);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType type;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            type = parser.getDetector().detect(in, metadata);
        } catch (IOException e) {
            return new Failed(ParseFailure.UNPARSEABLE_DOCUMENT, detail(e));
        }
        if (type.equals(MediaType.OCTET_STREAM)) {
            return new Failed(ParseFailure.UNPARSEABLE_DOCUMENT, "unrecognised format");
        }
        StructuredTextHandler handler = new StructuredTextHandler(limits.maxChars(), limits.maxPages());
        try (InputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, context());
        } catch (Exception | StackOverflowError e) {
            return classify(handler, e);
        }
        String text = handler.text();
        if (text.isBlank()) {
            return emptyOutcome(type, content);
        }
        return new Parsed(
                type.getBaseType().toString(),
                text,
                handler.pages(),
                handler.blocks(),
                SectionDetector.detect(text, handler.blocks(), handler.headingLevels()),
                handler.tables());
    }

    private ParseContext context() {
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new IgnoringEmbeddedDocumentExtractor());
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractActions(false);
        pdf.setExtractInlineImages(false);
        pdf.setExtractUniqueInlineImagesOnly(true);
        pdf.setOcrStrategy(ocrAvailable ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(!ocrAvailable);
        ocr.setLanguage(ocrLanguage);
        // The supervisor kills this worker after the document's time limit; a tesseract run it leaves behind is
        // stopped by its own limit, never outliving the document by more than that.
        ocr.setTimeoutSeconds((int) Math.max(1, limits.timeout().toSeconds()));
        context.set(TesseractOCRConfig.class, ocr);
        if (ocrAvailable) {
            // The PDF parser hands rendered pages to the context's parser, and fails on the first page without a
            // text layer when there is none. Only OCR reaches it: embedded documents stay with the ignoring extractor.
            context.set(Parser.class, parser);
        }
        return context;
    }

    private static ParseOutcome classify(StructuredTextHandler handler, Throwable error) {
        StructuredTextHandler.LimitReached limit = handler.limitReached();
        if (limit != null) {
            return new Failed(limit.code, limit.getMessage());
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (t instanceof StructuredTextHandler.LimitReached reached) {
                return new Failed(reached.code, reached.getMessage());
            }
            if (name.equals("EncryptedDocumentException") || t instanceof InvalidPasswordException) {
                return new Failed(ParseFailure.ENCRYPTED_DOCUMENT, detail(t));
            }
            if (message.contains("Zip bomb") || message.contains("zip bomb")) {
                return new Failed(ParseFailure.ARCHIVE_LIMIT_EXCEEDED, detail(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new Failed(ParseFailure.UNPARSEABLE_DOCUMENT, detail(error));
    }

    /** No text: a scan needs OCR, anything else is just empty. */
    private ParseOutcome emptyOutcome(MediaType type, byte[] content) {
        if (type.getSubtype().equals("pdf") && !ocrAvailable && pdfHasImages(content)) {
            return new Failed(
                    ParseFailure.OCR_REQUIRED, "pages hold images but no text; OCR is disabled or not installed");
        }
        return new Failed(ParseFailure.EMPTY_DOCUMENT, "no text in " + type.getBaseType());
    }

    private static boolean pdfHasImages(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            int checked = 0;
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                if (resources != null) {
                    for (COSName name : resources.getXObjectNames()) {
                        if (resources.isImageXObject(name)) {
                            return true;
                        }
                    }
                }
                if (++checked >= 50) {
                    break;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String detail(Throwable t) {
        String s = t.getClass().getSimpleName() + ": " + t.getMessage();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t) {
            s += " <- " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) : s;
    }

    /** Embedded documents (attachments, OLE objects, PDF file attachments) are skipped, never parsed or opened. */
    private static final class IgnoringEmbeddedDocumentExtractor implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {}
    }
}
