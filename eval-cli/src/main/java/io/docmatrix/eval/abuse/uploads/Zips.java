package io.docmatrix.eval.abuse.uploads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip containers: DOCX and ODT skeletons, and zips no honest tool writes (overlapping entries). */
final class Zips {

    static final String CONTENT_TYPES =
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            </Types>""";
    static final String ROOT_RELS =
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/></Relationships>""";

    private Zips() {}

    /** word/document.xml with a prolog (a DOCTYPE, say) and a body of raw WordprocessingML. */
    static String documentXml(String prolog, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + prolog
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body>" + body + "</w:body></w:document>";
    }

    static String paragraph(String text) {
        return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    }

    static byte[] docx(String documentXml) {
        return docx(documentXml, Map.of());
    }

    /** A DOCX whose parts are the standard three plus {@code extra} (name → content), written in that order. */
    static byte[] docx(String documentXml, Map<String, byte[]> extra) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", utf8(CONTENT_TYPES));
        entries.put("_rels/.rels", utf8(ROOT_RELS));
        entries.put("word/document.xml", utf8(documentXml));
        entries.putAll(extra);
        return zip(entries);
    }

    /** An ODT: the stored mimetype entry first, then content.xml. */
    static byte[] odt(String contentXml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mime = utf8("application/vnd.oasis.opendocument.text");
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(mime);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(utf8(contentXml));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" "
                    + "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String odtContent(String prolog, String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>"
                + "</office:document-content>";
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A DOCX part of {@code size} zero bytes, compressed while written (never held whole in memory). */
    static byte[] docxWithZeros(String documentXml, String name, long size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> entry : Map.of(
                            "[Content_Types].xml", utf8(CONTENT_TYPES),
                            "_rels/.rels", utf8(ROOT_RELS),
                            "word/document.xml", utf8(documentXml))
                    .entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An overlapping-entry zip (Fifield's construction, simplified): one deflated local entry, and {@code copies}
     * central-directory records with different names that all point at it, so the archive expands to {@code copies}
     * times its one payload while holding it once. The first record is {@code word/document.xml}, so it sniffs as a
     * DOCX.
     */
    static byte[] overlapping(byte[] payload, int copies) {
        byte[] compressed = Pdfs.deflate(payload);
        // raw deflate: strip the zlib header (2 bytes) and Adler-32 trailer (4 bytes)
        byte[] raw = java.util.Arrays.copyOfRange(compressed, 2, compressed.length - 4);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] contentTypes = utf8(CONTENT_TYPES);
        byte[] rels = utf8(ROOT_RELS);
        // Two honest stored entries first, so a container sniffer sees an OOXML package.
        long typesOffset = out.size();
        local(out, "[Content_Types].xml", 0, crc(contentTypes), contentTypes.length, contentTypes.length, contentTypes);
        long relsOffset = out.size();
        local(out, "_rels/.rels", 0, crc(rels), rels.length, rels.length, rels);
        long payloadOffset = out.size();
        local(out, "word/document.xml", 8, crc.getValue(), raw.length, payload.length, raw);
        long centralStart = out.size();
        central(
                out,
                "[Content_Types].xml",
                0,
                crc(contentTypes),
                contentTypes.length,
                contentTypes.length,
                typesOffset);
        central(out, "_rels/.rels", 0, crc(rels), rels.length, rels.length, relsOffset);
        for (int i = 0; i < copies; i++) {
            String name = i == 0 ? "word/document.xml" : "word/media/copy" + i + ".xml";
            central(out, name, 8, crc.getValue(), raw.length, payload.length, payloadOffset);
        }
        long centralSize = out.size() - centralStart;
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        end.putShort((short) (copies + 2)).putShort((short) (copies + 2));
        end.putInt((int) centralSize).putInt((int) centralStart).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static void local(
            ByteArrayOutputStream out, String name, int method, long crc, int compressed, int size, byte[] data) {
        byte[] n = utf8(name);
        ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) method);
        header.putShort((short) 0).putShort((short) 0x21);
        header.putInt((int) crc).putInt(compressed).putInt(size);
        header.putShort((short) n.length).putShort((short) 0);
        out.writeBytes(header.array());
        out.writeBytes(n);
        out.writeBytes(data);
    }

    private static void central(
            ByteArrayOutputStream out, String name, int method, long crc, int compressed, int size, long offset) {
        byte[] n = utf8(name);
        ByteBuffer header = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0);
        header.putShort((short) method).putShort((short) 0).putShort((short) 0x21);
        header.putInt((int) crc).putInt(compressed).putInt(size);
        header.putShort((short) n.length).putShort((short) 0).putShort((short) 0);
        header.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
        out.writeBytes(header.array());
        out.writeBytes(n);
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
