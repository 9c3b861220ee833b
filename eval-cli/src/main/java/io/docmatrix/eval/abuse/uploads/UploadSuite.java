package io.docmatrix.eval.abuse.uploads;

import io.docmatrix.eval.abuse.AbuseContext;
import io.docmatrix.eval.abuse.AbuseSuite;
import io.docmatrix.eval.abuse.Tally;
import io.docmatrix.eval.abuse.http.Multipart;
import io.docmatrix.eval.abuse.http.Reply;
import io.docmatrix.eval.abuse.http.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The bad-input upload corpus through the gateway. Promises checked: every file ends READY, FAILED with a stable
 * code, or refused with a 4xx problem carrying a code; no 5xx; ingestion's process and its parser worker survive; no
 * file lands outside the blob root; no parser connects to the harness's listener; nothing an external entity or an
 * attachment holds reaches the chunks.
 */
public final class UploadSuite implements AbuseSuite {

    private static final Logger log = LoggerFactory.getLogger(UploadSuite.class);
    static final String TENANT = "abuse-uploads";
    // Large bodies go over a raw socket, so an early 413 is seen as a browser would see it (see Probe#sendRaw).
    private static final int RAW_ABOVE = 8 * 1024 * 1024;
    private static final String WORKER_STARTED = "Started parser worker pid";

    @Override
    public String name() {
        return "uploads";
    }

    @Override
    public void run(AbuseContext context, Tally tally) throws Exception {
        String marker = "dmxabuse" + context.runId();
        List<BadFile> corpus = new ArrayList<>(
                new BadInputCorpus(context.listener().url("upload/"), marker, !context.smoke()).generate());
        if (context.parserCorpus() != null) {
            corpus.addAll(parserCorpus(context.parserCorpus()));
        }
        tally.add("files", corpus.size());
        Session session = context.session(TENANT);
        Path ingestionLog = context.varDir().resolve("log/ingestion-service.log");
        long workerStartsBefore = countLines(ingestionLog, WORKER_STARTED);
        String ingestionPid = pid(context.varDir(), "ingestion-service");
        int before = context.listener().connections().size();

        Map<String, BadFile> accepted = new HashMap<>();
        for (BadFile file : corpus) {
            Reply reply = upload(context, session, file);
            tally.latency(reply.elapsed());
            tally.count("upload." + reply.status());
            judgeUpload(file, reply, tally).ifPresent(id -> accepted.put(id, file));
        }
        log.info(
                "uploads: {} files sent, {} accepted; waiting for every accepted one to end",
                corpus.size(),
                accepted.size());
        Map<String, JsonNode> finals = context.documents()
                .awaitFinal(session, accepted.keySet(), Duration.ofMinutes(context.smoke() ? 4 : 15));
        for (Map.Entry<String, BadFile> entry : accepted.entrySet()) {
            judgeFinal(context, session, entry.getKey(), entry.getValue(), finals.get(entry.getKey()), tally);
        }

        long workerStarts = countLines(ingestionLog, WORKER_STARTED) - workerStartsBefore;
        tally.add("parser.workerStarts", workerStarts);
        // A timeout or an exhausted heap ends the worker on purpose; the next document starts a fresh one. Any other
        // start means a worker died unasked.
        long explained = tally.get("failed.PARSE_TIMEOUT")
                + tally.get("failed.MEMORY_LIMIT_EXCEEDED")
                + (workerStartsBefore == 0 ? 1 : 0);
        if (workerStarts > explained) {
            tally.violation(
                    "worker-restart",
                    "parser worker",
                    workerStarts + " starts, " + explained + " explained by" + " PARSE_TIMEOUT/MEMORY_LIMIT_EXCEEDED");
        }
        String ingestionPidAfter = pid(context.varDir(), "ingestion-service");
        if (!ingestionPid.equals(ingestionPidAfter) || !alive(ingestionPidAfter)) {
            tally.violation(
                    "service-restart",
                    "ingestion-service",
                    "pid before " + ingestionPid + ", after " + ingestionPidAfter
                            + (alive(ingestionPidAfter) ? "" : " (dead)"));
        }
        List<CallbackListenerHit> hits = context.listener().connections().stream()
                .skip(before)
                .map(c -> new CallbackListenerHit(c.firstLine()))
                .toList();
        tally.add("listener.connections", hits.size());
        hits.forEach(hit -> tally.violation("outbound-connection", "listener", hit.firstLine()));
        List<Path> escaped = escapedFiles(context.varDir(), marker);
        tally.add("files.outsideBlobRoot", escaped.size());
        escaped.forEach(
                path -> tally.violation("file-outside-blob-root", path.toString(), "a traversal name was written"));
    }

    private record CallbackListenerHit(String firstLine) {}

    private static Reply upload(AbuseContext context, Session session, BadFile file) {
        Multipart.Body body = Multipart.upload(file.filename(), file.partType(), file.content(), null);
        return context.probe()
                .send(
                        "POST",
                        "/api/v1/documents",
                        session.accessToken(),
                        body.contentType(),
                        body.bytes(),
                        Multipart.idempotency(idempotencyKey(context.runId(), file)));
    }

    /**
     * The gateway accepts {@code [A-Za-z0-9._:-]{1,128}}; file names (parser-corpus paths with '/', hostile names) are
     * not keys, so the key is a digest of family and name. With the name itself, every parser-corpus file was
     * refused 400 INVALID_IDEMPOTENCY_KEY and never parsed.
     */
    static String idempotencyKey(String runId, BadFile file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((file.family() + "/" + file.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "abuse-" + runId + "-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The upload's answer; the document id when it was accepted. */
    private static java.util.Optional<String> judgeUpload(BadFile file, Reply reply, Tally tally) {
        String subject = file.family() + "/" + file.name();
        if (reply.isServerError()) {
            tally.violation("server-error", subject, reply.outcome() + " " + abbreviate(reply.body()));
            return java.util.Optional.empty();
        }
        switch (file.expect()) {
            case REFUSED_400 -> {
                if (reply.status() != 400) {
                    tally.violation("wrong-answer", subject, "expected 400, got " + reply.outcome());
                }
            }
            case REFUSED_413 -> {
                if (reply.status() != 413) {
                    tally.violation("wrong-answer", subject, "expected 413, got " + reply.outcome());
                }
            }
            case NOT_TOO_LARGE -> {
                if (reply.status() == 413) {
                    tally.violation(
                            "wrong-answer", subject, "a file exactly at the size limit was refused as too large");
                }
            }
            case FINAL -> {}
        }
        if (reply.status() == 200 || reply.status() == 202) {
            tally.count("accepted");
            return java.util.Optional.of(reply.json().path("documentId").asString());
        }
        if (reply.isCleanRefusal() && reply.code().orElseThrow().equals("INVALID_IDEMPOTENCY_KEY")) {
            // The harness's own key, not the file, was refused: the file was never tested.
            tally.violation("harness-key-refused", subject, "the upload's Idempotency-Key was refused");
        } else if (reply.isCleanRefusal()) {
            tally.count("refused." + reply.code().orElseThrow());
        } else {
            tally.violation(
                    "unclean-refusal",
                    subject,
                    reply.outcome() + " " + reply.contentType() + " " + abbreviate(reply.body()));
        }
        return java.util.Optional.empty();
    }

    private static void judgeFinal(
            AbuseContext context, Session session, String id, BadFile file, @Nullable JsonNode document, Tally tally) {
        String subject = file.family() + "/" + file.name();
        String status = document == null ? "UNKNOWN" : document.path("status").asString("");
        switch (status) {
            case "READY" -> {
                tally.count("ready");
                checkLeaks(context, session, id, file, tally);
            }
            case "FAILED" -> {
                String code = document.path("error").path("code").asString("");
                if (code.isBlank()) {
                    tally.violation("failed-without-code", subject, document.toString());
                } else {
                    tally.count("failed." + code);
                    if (code.equals("PARSER_CRASHED")) {
                        tally.violation("worker-crash", subject, "the parser worker crashed on this file");
                    }
                }
            }
            default -> tally.violation("stuck", subject, "document " + id + " still " + status);
        }
    }

    private static void checkLeaks(AbuseContext context, Session session, String id, BadFile file, Tally tally) {
        if (file.mustNotLeak().isEmpty()) {
            return;
        }
        Reply chunks = context.probe().get("/api/v1/documents/" + id + "/chunks?limit=200", session.accessToken());
        for (String secret : file.mustNotLeak()) {
            if (chunks.body().contains(secret)) {
                tally.violation("content-leak", file.family() + "/" + file.name(), "chunks contain " + secret);
            }
        }
    }

    /** Every file of the parser corpus (sub-folders included), named as it is, typed by its extension. */
    static List<BadFile> parserCorpus(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            log.info("parser corpus {} is absent; skipped", folder);
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .sorted()
                    .map(path -> new BadFile(
                            "parser-corpus",
                            folder.relativize(path).toString(),
                            path.getFileName().toString(),
                            typeOf(path.getFileName().toString()),
                            () -> read(path),
                            BadFile.Expect.FINAL,
                            List.of(),
                            true))
                    .toList();
        }
    }

    private static String typeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) return BadInputCorpus.PDF;
        if (lower.endsWith(".docx")) return BadInputCorpus.DOCX;
        if (lower.endsWith(".odt")) return BadInputCorpus.ODT;
        if (lower.endsWith(".doc")) return "application/msword";
        if (lower.endsWith(".rtf")) return "application/rtf";
        if (lower.endsWith(".html") || lower.endsWith(".htm")) return "text/html";
        if (lower.endsWith(".md")) return "text/markdown";
        if (lower.endsWith(".txt")) return "text/plain";
        return "application/octet-stream";
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Files whose names carry the run's marker anywhere the platform could have written them but the blob root:
     * the checkout (var/ included), the temporary folders and the top of the file system.
     */
    static List<Path> escapedFiles(Path varDir, String marker) throws IOException {
        Path root = varDir.toAbsolutePath().normalize();
        Path checkout = root.getParent() == null ? root : root.getParent();
        Path blobs = root.resolve("blobs");
        List<Path> found = new ArrayList<>();
        for (var place : List.of(
                Map.entry(checkout, 8),
                Map.entry(Path.of("/tmp"), 4),
                Map.entry(Path.of("/var/tmp"), 3),
                Map.entry(Path.of("/"), 1),
                Map.entry(Path.of("/etc"), 1))) {
            if (!Files.isDirectory(place.getKey())) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(place.getKey(), place.getValue())) {
                walk.filter(p -> !p.startsWith(blobs))
                        .filter(p -> p.getFileName() != null
                                && p.getFileName().toString().contains(marker))
                        .forEach(found::add);
            } catch (UncheckedIOException e) {
                log.debug("scan of {} stopped: {}", place.getKey(), e.getMessage());
            }
        }
        return found.stream().distinct().toList();
    }

    static long countLines(Path file, String needle) throws IOException {
        if (!Files.isReadable(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(needle)).count();
        }
    }

    private static String pid(Path varDir, String service) throws IOException {
        Path file = varDir.resolve("run/" + service + ".pid");
        return Files.isReadable(file) ? Files.readString(file).strip() : "none";
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
