package io.docmatrix.eval.abuse.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A multipart upload body written byte for byte, so that a hostile file name (NUL, CRLF, bidi overrides, quotes) and
 * a lying part Content-Type reach the gateway exactly as an attacker would send them.
 */
public final class Multipart {

    private Multipart() {}

    /** The request: its Content-Type header and body. */
    public record Body(String contentType, byte[] bytes) {}

    public static Body upload(
            String filename, @Nullable String partContentType, byte[] content, @Nullable String metadataJson) {
        String boundary = "abuse-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 1024);
        if (metadataJson != null) {
            part(out, boundary, "name=\"metadata\"", "application/json", metadataJson.getBytes(StandardCharsets.UTF_8));
        }
        // The file name goes out raw (only '"' is escaped the way browsers do); CR/LF and NUL stay in on purpose.
        String disposition = "name=\"file\"; filename=\"" + filename.replace("\"", "%22") + "\"";
        part(out, boundary, disposition, partContentType, content);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    public static Map<String, String> idempotency(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static void part(
            ByteArrayOutputStream out, String boundary, String disposition, @Nullable String type, byte[] content) {
        StringBuilder head = new StringBuilder("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; ")
                .append(disposition)
                .append("\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
