package io.docmatrix.eval.abuse;

import io.docmatrix.eval.abuse.http.Multipart;
import io.docmatrix.eval.abuse.http.Probe;
import io.docmatrix.eval.abuse.http.Reply;
import io.docmatrix.eval.abuse.http.Session;
import io.docmatrix.eval.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Seeds documents the suites attack, and waits until the platform finished with them. */
public final class Documents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Probe probe;

    Documents(Probe probe) {
        this.probe = probe;
    }

    /** A text document seeded for an attack; fails the run when the platform refuses it (the suite cannot start). */
    public String seed(Session session, String filename, String text, String collection, String... tags) {
        ObjectNode metadata =
                JSON.createObjectNode().put("collection", collection).put("title", filename);
        var array = metadata.putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        Multipart.Body body = Multipart.upload(
                filename, "text/plain", text.getBytes(StandardCharsets.UTF_8), JSON.writeValueAsString(metadata));
        Reply reply = probe.send(
                "POST",
                "/api/v1/documents",
                session.accessToken(),
                body.contentType(),
                body.bytes(),
                Multipart.idempotency("seed-" + Integer.toHexString((filename + text).hashCode())));
        if (reply.status() != 202 && reply.status() != 200) {
            throw new PlatformException(
                    "could not seed " + filename + ": " + reply.outcome() + " " + reply.body(), reply.status());
        }
        return reply.json().path("documentId").asString();
    }

    /** The final status (READY or FAILED) of each document, or what it was when the deadline passed. */
    public Map<String, JsonNode> awaitFinal(Session session, Collection<String> documentIds, Duration patience) {
        Map<String, JsonNode> last = new HashMap<>();
        Set<String> pending = new java.util.HashSet<>(documentIds);
        Instant deadline = Instant.now().plus(patience);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            for (String id : Set.copyOf(pending)) {
                Reply reply = probe.get("/api/v1/documents/" + id, session.accessToken());
                if (reply.status() == 200) {
                    JsonNode document = reply.json();
                    last.put(id, document);
                    String status = document.path("status").asString("");
                    if (status.equals("READY") || status.equals("FAILED")) {
                        pending.remove(id);
                    }
                }
            }
            if (!pending.isEmpty()) {
                sleep(Duration.ofMillis(1000));
            }
        }
        return last;
    }

    /** Waits until a text search of the tenant finds {@code phrase} in {@code documentId}: its read model caught up. */
    public boolean awaitSearchable(Session session, String documentId, String phrase, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        ObjectNode body = JSON.createObjectNode()
                .put("question", phrase)
                .put("mode", "text")
                .put("topK", 50);
        while (Instant.now().isBefore(deadline)) {
            Reply reply = probe.postJson("/api/v1/search", session.accessToken(), JSON.writeValueAsString(body));
            if (reply.status() == 200) {
                for (JsonNode result : reply.json().path("results")) {
                    if (documentId.equals(result.path("documentId").asString(""))) {
                        return true;
                    }
                }
            }
            sleep(Duration.ofMillis(1000));
        }
        return false;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
