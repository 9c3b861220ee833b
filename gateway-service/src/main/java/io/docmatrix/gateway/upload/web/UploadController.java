package io.docmatrix.gateway.upload.web;

import io.docmatrix.contracts.upload.DocumentMetadata;
import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.gateway.upload.BlobStore;
import io.docmatrix.gateway.upload.ContentSniffer;
import io.docmatrix.gateway.upload.DocumentType;
import io.docmatrix.gateway.upload.Filenames;
import io.docmatrix.gateway.upload.UploadCommand;
import io.docmatrix.gateway.upload.UploadIntake;
import io.docmatrix.gateway.upload.UploadRejected;
import io.docmatrix.gateway.upload.UploadResult;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.TransactionException;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/documents}: multipart with a {@code file} part and an optional {@code metadata} JSON part. The
 * file streams to the blob store's staging area as it arrives (never whole in memory); only then are its real type
 * and hash known and the intake decides. The answer does not wait for parsing: 202 with the document id.
 */
@Configuration(proxyBeanMethods = false)
class UploadController {

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);
    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final JsonMapper METADATA_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final UploadIntake intake;
    private final BlobStore blobs;
    private final ContentSniffer sniffer;
    private final long maxBytes;

    UploadController(UploadIntake intake, BlobStore blobs, ContentSniffer sniffer, GatewayProperties properties) {
        this.intake = intake;
        this.blobs = blobs;
        this.sniffer = sniffer;
        this.maxBytes = properties.maxUploadSize().toBytes();
    }

    /**
     * A functional route rather than an annotated controller: it matches POST only, so every other method on
     * {@code /api/v1/documents} falls through to the gateway's route to ingestion-service instead of a 405 here.
     */
    @Bean
    RouterFunction<ServerResponse> uploadRoute() {
        return RouterFunctions.route(RequestPredicates.POST("/api/v1/documents"), this::handle);
    }

    private Mono<ServerResponse> handle(ServerRequest request) {
        boolean multipart = request.headers()
                .contentType()
                .filter(MediaType.MULTIPART_FORM_DATA::isCompatibleWith)
                .isPresent();
        if (!multipart) {
            // Read (and drop) the body first: answering before it is consumed leaves the connection unusable for the
            // client's next request.
            return request.body(BodyExtractors.toDataBuffers())
                    .doOnNext(DataBufferUtils::release)
                    .then(problem(new UploadRejected(
                            415, "UNSUPPORTED_MEDIA_TYPE", "Uploads are multipart/form-data with a 'file' part.")));
        }
        String idempotencyKey = request.headers().firstHeader("Idempotency-Key");
        return request.principal()
                .map(UploadController::caller)
                .flatMap(caller -> upload(caller, idempotencyKey, request.bodyToFlux(PartEvent.class)))
                .flatMap(UploadController::ok)
                .onErrorResume(this::problem);
    }

    private static CallerIdentity caller(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof CallerIdentity caller) {
            return caller;
        }
        throw new UploadRejected(401, "UNAUTHENTICATED", "This request needs an authenticated caller.");
    }

    Mono<ResponseEntity<UploadResponse>> upload(
            CallerIdentity caller, @Nullable String idempotencyKey, Flux<PartEvent> parts) {
        if (!caller.hasAnyRole("ANALYST", "ADMIN")) {
            return Mono.error(new UploadRejected(403, "FORBIDDEN", "This role may not upload documents."));
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Mono.error(new UploadRejected(
                    400, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1 to 128 characters of [A-Za-z0-9._:-]."));
        }
        return receive(parts).flatMap(received -> decide(caller, idempotencyKey, received));
    }

    private Mono<Received> receive(Flux<PartEvent> parts) {
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    PartEvent head = first.get();
                    if (head == null) {
                        return events.then(Mono.<Received>empty());
                    }
                    if (head.name().equals("file") && head instanceof FilePartEvent file) {
                        String filename = Filenames.normalize(file.filename());
                        return blobs.stage(events.map(PartEvent::content), maxBytes)
                                .map(staged -> Received.file(filename, staged));
                    }
                    if (head.name().equals("metadata")) {
                        return DataBufferUtils.join(events.map(PartEvent::content), MAX_METADATA_BYTES)
                                .map(UploadController::metadata)
                                .map(Received::metadata);
                    }
                    // Unknown parts are drained and dropped.
                    return events.doOnNext(e -> DataBufferUtils.release(e.content()))
                            .then(Mono.<Received>empty());
                }))
                .collectList()
                .map(this::merged)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new UploadRejected(
                                400, "INVALID_METADATA", "The metadata part must be at most 64 KB of JSON."));
    }

    private Received merged(List<Received> parts) {
        List<BlobStore.StagedBlob> files = parts.stream()
                .map(Received::staged)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (files.size() > 1) {
            files.forEach(blobs::discard);
            throw new UploadRejected(400, "MULTIPLE_FILES", "Send one 'file' part per request.");
        }
        Received result = Received.EMPTY;
        for (Received part : parts) {
            result = result.merge(part);
        }
        return result;
    }

    private Mono<ResponseEntity<UploadResponse>> decide(
            CallerIdentity caller, @Nullable String idempotencyKey, Received received) {
        if (received.staged() == null) {
            return Mono.error(new UploadRejected(400, "MISSING_FILE", "The request has no 'file' part."));
        }
        BlobStore.StagedBlob staged = received.staged();
        return Mono.fromCallable(() -> {
                    if (staged.sizeBytes() == 0) {
                        throw new UploadRejected(400, "EMPTY_FILE", "The file is empty.");
                    }
                    DocumentType type = sniffer.detect(staged.file(), received.filename())
                            .orElseThrow(() -> new UploadRejected(
                                    415,
                                    "UNSUPPORTED_MEDIA_TYPE",
                                    "The file is not a supported document type (PDF, DOCX, DOC, ODT, RTF, HTML,"
                                            + " Markdown or plain text)."));
                    DocumentMetadata metadata =
                            received.metadata() == null ? DocumentMetadata.none() : received.metadata();
                    return intake.accept(
                            caller, new UploadCommand(received.filename(), metadata, idempotencyKey), type, staged);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .doOnError(e -> blobs.discard(staged))
                .doOnSuccess(result -> {
                    if (result.duplicate() || result.replayed()) {
                        blobs.discard(staged);
                    }
                })
                .map(UploadController::response);
    }

    private static ResponseEntity<UploadResponse> response(UploadResult result) {
        HttpStatus status = result.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(status).location(URI.create("/api/v1/documents/" + result.documentId()));
        if (result.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(new UploadResponse(
                result.documentId(), result.version(), "RECEIVED", result.duplicate(), result.contentType()));
    }

    private static DocumentMetadata metadata(DataBuffer buffer) {
        try {
            MetadataPart part = METADATA_JSON.readValue(buffer.asInputStream(true), MetadataPart.class);
            return part.validated();
        } catch (JacksonException e) {
            throw new UploadRejected(
                    400, "INVALID_METADATA", "The metadata part is not valid JSON of the expected shape.");
        }
    }

    private static Mono<ServerResponse> ok(ResponseEntity<UploadResponse> response) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(response.getStatusCode());
        response.getHeaders().forEach((name, values) -> builder.header(name, values.toArray(String[]::new)));
        return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(response.getBody());
    }

    private Mono<ServerResponse> problem(Throwable error) {
        if (error instanceof UploadRejected rejected) {
            return problem(HttpStatus.valueOf(rejected.status()), rejected.code(), rejected.getMessage(), false);
        }
        if (error instanceof BlobStore.TooLargeException) {
            return problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "The file is larger than " + maxBytes + " bytes.",
                    false);
        }
        if (error instanceof DataBufferLimitException) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "INVALID_METADATA",
                    "The metadata part must be at most 64 KB of JSON.",
                    false);
        }
        if (storageUnavailable(error)) {
            log.error("Upload could not be stored", error);
            return problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "STORAGE_UNAVAILABLE",
                    "The upload could not be stored; retry shortly.",
                    true);
        }
        // Anything else is a malformed request body or a bug: the shared error handler answers it.
        return Mono.error(error);
    }

    /**
     * The blob store or the database failed, not the request: a 503 the client may retry under its Idempotency-Key.
     * A transaction failure counts too: when PostgreSQL goes away mid-upload, the rollback fails on the closed
     * connection and Spring reports that ({@code TransactionSystemException: JDBC rollback failed}) instead of the
     * data-access error; at the start of a transaction it is {@code CannotCreateTransactionException}. The fault suite
     * saw both answered 500 during a PostgreSQL restart (docs/reliability.md).
     */
    static boolean storageUnavailable(Throwable error) {
        return error instanceof UncheckedIOException
                || error instanceof DataAccessException
                || error instanceof TransactionException;
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String code, String detail, boolean retry) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("code", code);
        ServerResponse.BodyBuilder builder =
                ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retry) {
            builder.header("Retry-After", "5");
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            // The rest of the body was never read; the connection cannot carry another request.
            builder.header("Connection", "close");
        }
        return builder.bodyValue(body);
    }

    /** The answer to an accepted or duplicate upload. */
    record UploadResponse(UUID documentId, int version, String status, boolean duplicate, String contentType) {}

    /** The metadata part as clients send it; unknown fields are refused so typos do not pass silently. */
    record MetadataPart(
            @Nullable String title,
            @Nullable List<String> tags,
            @Nullable String collection,
            @Nullable String externalId) {

        DocumentMetadata validated() {
            List<String> cleanTags =
                    tags == null ? List.of() : tags.stream().map(String::strip).toList();
            if (length(title) > 500
                    || length(collection) > 200
                    || length(externalId) > 200
                    || cleanTags.size() > 50
                    || cleanTags.stream().anyMatch(t -> t.isEmpty() || t.length() > 100)) {
                throw new UploadRejected(
                        400,
                        "INVALID_METADATA",
                        "Metadata limits: title 500, collection 200, externalId 200 characters; at most 50 tags of 1"
                                + " to 100 characters.");
            }
            return new DocumentMetadata(
                    blankToNull(title), cleanTags, blankToNull(collection), blankToNull(externalId));
        }

        private static int length(@Nullable String value) {
            return value == null ? 0 : value.length();
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** What arrived so far: the staged file and the metadata, in whichever order the parts came. */
    record Received(
            @Nullable String filename, BlobStore.@Nullable StagedBlob staged, @Nullable DocumentMetadata metadata) {

        static final Received EMPTY = new Received(null, null, null);

        static Received file(String filename, BlobStore.StagedBlob staged) {
            return new Received(filename, staged, null);
        }

        static Received metadata(DocumentMetadata metadata) {
            return new Received(null, null, metadata);
        }

        Received merge(Received other) {
            return new Received(
                    other.filename != null ? other.filename : filename,
                    other.staged != null ? other.staged : staged,
                    other.metadata != null ? other.metadata : metadata);
        }
    }
}
