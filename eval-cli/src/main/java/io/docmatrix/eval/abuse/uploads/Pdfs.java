package io.docmatrix.eval.abuse.uploads;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/** Small PDFs written object by object with a correct cross-reference table, hostile parts included on request. */
final class Pdfs {

    private Pdfs() {}

    /**
     * A one-page PDF showing {@code text}.
     *
     * @param catalogExtra entries added to the catalog (e.g. an {@code /OpenAction})
     * @param pageExtra entries added to the page (e.g. {@code /Annots})
     * @param extraObjects objects 6, 7, ... in order, each the text between {@code obj} and {@code endobj}
     */
    static byte[] page(String text, String catalogExtra, String pageExtra, List<byte[]> extraObjects) {
        String stream = "BT /F1 12 Tf 72 720 Td (" + escape(text) + ") Tj ET";
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> " + pageExtra + " >>"));
        objects.add(ascii("<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream"));
        objects.add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        objects.addAll(extraObjects);
        return assemble(objects, "/Root 1 0 R");
    }

    static byte[] simple(String text) {
        return page(text, "", "", List.of());
    }

    /** A stream object, optionally Flate-compressed. */
    static byte[] streamObject(String dictionaryExtra, byte[] data, boolean deflate) {
        byte[] body = deflate ? deflate(data) : data;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<< /Length " + body.length + (deflate ? " /Filter /FlateDecode " : " ") + dictionaryExtra
                + " >>\nstream\n"));
        out.writeBytes(body);
        out.writeBytes(ascii("\nendstream"));
        return out.toByteArray();
    }

    static byte[] assemble(List<byte[]> objects, String trailerExtra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(' ')
                .append(trailerExtra)
                .append(" >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
