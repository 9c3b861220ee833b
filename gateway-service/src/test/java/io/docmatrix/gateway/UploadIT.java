package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.document.DocumentDeleted;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upload intake through the real gateway: authentication and roles, streaming to the blob store, real type
 * detection, duplicates, versions, idempotency keys, and the upload event written to the outbox with the upload.
 */
class UploadIT extends GatewayIntegrationTest {

    private static final String BOUNDARY = "----docmatrix-test-boundary";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.docmatrix.gateway.upload.UploadIntake intake;

    @Value("${gateway.uploads.blob-root}")
    Path blobRoot;

    private final Tokens.Caller analyst = Tokens.Caller.of("upload-" + UUID.randomUUID(), "ANALYST");

    @Test
    void acceptsAPdfStoresItAndRecordsTheUploadEventWithIt() throws Exception {
        byte[] pdf = pdf("first");

        HttpResponse<String> response = upload(analyst, "contract.pdf", "application/pdf", pdf, null, Map.of());

        assertThat(response.statusCode()).isEqualTo(202);
        Map<String, Object> body = echo(response);
        UUID id = UUID.fromString((String) body.get("documentId"));
        assertThat(body)
                .containsEntry("status", "RECEIVED")
                .containsEntry("duplicate", false)
                .containsEntry("version", 1);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/documents/" + id);
        String key = jdbc.sql("SELECT blob_key FROM upload WHERE document_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(Files.readAllBytes(blobRoot.resolve(key))).isEqualTo(pdf);
        assertThat(outboxPayloads(id))
                .hasSize(1)
                .first()
                .asString()
                .contains("\"contentType\": \"application/pdf\"")
                .contains("\"sizeBytes\": " + pdf.length);
    }

    @Test
    void answersTheSameBytesWithTheExistingDocumentInsteadOfASecondCopy() {
        byte[] pdf = pdf("duplicate");
        UUID first = documentId(upload(analyst, "a.pdf", "application/pdf", pdf, null, Map.of()));

        HttpResponse<String> again = upload(analyst, "renamed.pdf", "application/pdf", pdf, null, Map.of());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(echo(again)).containsEntry("duplicate", true).containsEntry("documentId", first.toString());
        assertThat(outboxPayloads(first)).hasSize(1);
    }

    @Test
    void makesNewBytesUnderTheSameNameANewVersionOfTheSameDocument() {
        UUID first = documentId(upload(analyst, "policy.pdf", "application/pdf", pdf("v1"), null, Map.of()));

        HttpResponse<String> second = upload(analyst, "policy.pdf", "application/pdf", pdf("v2"), null, Map.of());

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(echo(second)).containsEntry("documentId", first.toString()).containsEntry("version", 2);
    }

    @Test
    void makesTheSameExternalIdANewVersionWhateverTheFileName() {
        String metadata = "{\"externalId\":\"crm-42\",\"title\":\"Master agreement\",\"tags\":[\"msa\"]}";
        UUID first = documentId(upload(analyst, "msa.pdf", "application/pdf", pdf("e1"), metadata, Map.of()));

        HttpResponse<String> second =
                upload(analyst, "msa-final.pdf", "application/pdf", pdf("e2"), metadata, Map.of());

        assertThat(echo(second)).containsEntry("documentId", first.toString()).containsEntry("version", 2);
    }

    @Test
    void givesARetryWithTheSameIdempotencyKeyTheSameAnswer() {
        String key = "retry-" + UUID.randomUUID();
        byte[] pdf = pdf("idem");
        UUID first = documentId(upload(analyst, "i.pdf", "application/pdf", pdf, null, Map.of("Idempotency-Key", key)));

        HttpResponse<String> retry =
                upload(analyst, "i.pdf", "application/pdf", pdf, null, Map.of("Idempotency-Key", key));
        HttpResponse<String> misuse =
                upload(analyst, "i.pdf", "application/pdf", pdf("other"), null, Map.of("Idempotency-Key", key));

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(echo(retry)).containsEntry("documentId", first.toString());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(misuse.statusCode()).isEqualTo(409);
        assertThat(problemCode(misuse)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(outboxPayloads(first)).hasSize(1);
    }

    @Test
    void refusesAFileWhoseBytesAreNoDocumentWhateverItsNameAndHeaderClaim() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0};

        HttpResponse<String> response = upload(analyst, "contract.pdf", "application/pdf", elf, null, Map.of());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(problemCode(response)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void refusesAnEmptyFileAndBadMetadataWithStableCodes() {
        HttpResponse<String> empty = upload(analyst, "empty.txt", "text/plain", new byte[0], null, Map.of());
        HttpResponse<String> badMetadata = upload(
                analyst, "x.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8), "{\"titel\":\"x\"}", Map.of());

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(problemCode(empty)).isEqualTo("EMPTY_FILE");
        assertThat(badMetadata.statusCode()).isEqualTo(400);
        assertThat(problemCode(badMetadata)).isEqualTo("INVALID_METADATA");
    }

    @Test
    void keepsOnlyASafeDisplayNameAndNeverUsesItAsAPath() {
        HttpResponse<String> response = upload(
                analyst,
                "../../etc/\u202Epasswd.txt",
                "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8),
                null,
                Map.of());

        UUID id = documentId(response);
        Map<String, Object> row = jdbc.sql("SELECT filename, blob_key FROM upload WHERE document_id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("filename")).isEqualTo("passwd.txt");
        assertThat((String) row.get("blob_key")).startsWith(analyst.tenantId() + "/" + id + "/");
        assertThat(blobRoot.resolve((String) row.get("blob_key")).normalize()).startsWith(blobRoot.normalize());
    }

    @Test
    void refusesUploadsFromAViewer() {
        Tokens.Caller viewer = Tokens.Caller.of(analyst.tenant(), "VIEWER");

        HttpResponse<String> response = upload(viewer, "v.pdf", "application/pdf", pdf("viewer"), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void neverTreatsAnotherTenantsBytesAsADuplicate() {
        byte[] pdf = pdf("shared");
        UUID mine = documentId(upload(analyst, "s.pdf", "application/pdf", pdf, null, Map.of()));

        HttpResponse<String> theirs = upload(
                Tokens.Caller.of("other-" + UUID.randomUUID(), "ANALYST"),
                "s.pdf",
                "application/pdf",
                pdf,
                null,
                Map.of());

        assertThat(theirs.statusCode()).isEqualTo(202);
        assertThat(documentId(theirs)).isNotEqualTo(mine);
    }

    @Test
    void forgetsADeletedDocumentSoItsBytesBecomeANewDocument() {
        byte[] pdf = pdf("deleted");
        UUID first = documentId(upload(analyst, "d.pdf", "application/pdf", pdf, null, Map.of()));
        DocumentDeleted deleted =
                new DocumentDeleted(UUID.randomUUID(), java.time.Instant.now(), first, analyst.tenantId(), 1, "admin");

        intake.forget(deleted);
        intake.forget(deleted);
        HttpResponse<String> again = upload(analyst, "d.pdf", "application/pdf", pdf, null, Map.of());

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(documentId(again)).isNotEqualTo(first);
    }

    private HttpResponse<String> upload(
            Tokens.Caller caller,
            String filename,
            String contentType,
            byte[] content,
            String metadata,
            Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(bearer(Tokens.accessToken(caller)));
        headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        headers.putAll(extra);
        return send(
                "POST",
                "/api/v1/documents",
                headers,
                HttpRequest.BodyPublishers.ofByteArray(multipart(filename, contentType, content, metadata)));
    }

    private static byte[] multipart(String filename, String contentType, byte[] content, String metadata) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (metadata != null) {
            write(
                    body,
                    "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                            + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n");
        }
        write(
                body,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + BOUNDARY + "--\r\n");
        return body.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pdf(String marker) {
        return ("%PDF-1.4\n% " + marker + " " + UUID.randomUUID() + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static UUID documentId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return UUID.fromString((String) echo(response).get("documentId"));
    }

    private List<String> outboxPayloads(UUID documentId) {
        return jdbc.sql("SELECT payload::text FROM outbox WHERE aggregateid = :id AND type = :type")
                .param("id", documentId.toString())
                .param("type", "io.docmatrix.documents.DocumentUploaded.v1")
                .query(String.class)
                .list();
    }

    private List<Path> stagingFiles() {
        Path staging = blobRoot.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
