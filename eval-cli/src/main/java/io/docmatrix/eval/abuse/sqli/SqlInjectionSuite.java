package io.docmatrix.eval.abuse.sqli;

import io.docmatrix.eval.abuse.AbuseContext;
import io.docmatrix.eval.abuse.AbuseSuite;
import io.docmatrix.eval.abuse.Documents;
import io.docmatrix.eval.abuse.Tally;
import io.docmatrix.eval.abuse.http.Reply;
import io.docmatrix.eval.abuse.http.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL-injection payloads in every filter, sort, cursor, id and search parameter of every endpoint. Promises: no 5xx,
 * no rows beyond the caller's own (and none at all where the payload is a filter value no document carries), no slow
 * answers (a {@code pg_sleep} that ran would show as one).
 */
public final class SqlInjectionSuite implements AbuseSuite {

    static final String TENANT = "abuse-sqli";
    /** An answer slower than this means a delay payload may have run; p99 must stay under {@link #P99_BOUND}. */
    private static final Duration SLOW = Duration.ofMillis(2_500);

    private static final Duration P99_BOUND = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "sqli";
    }

    @Override
    public void run(AbuseContext context, Tally tally) throws Exception {
        Session session = context.session(TENANT);
        Documents documents = context.documents();
        String own = documents.seed(
                session,
                "sqli-" + context.runId() + ".txt",
                "The lessee shall pay rent monthly. Termination requires ninety days notice.",
                "sqli-own",
                "lease");
        String own2 = documents.seed(
                session,
                "sqli2-" + context.runId() + ".txt",
                "The licensor grants a non-exclusive licence to use the software.",
                "sqli-own",
                "licence");
        documents.awaitFinal(session, List.of(own, own2), Duration.ofMinutes(5));
        documents.awaitSearchable(session, own, "lessee rent monthly", Duration.ofMinutes(3));
        Set<String> ownIds = ownDocumentIds(context, session);
        tally.add("ownDocuments", ownIds.size());
        String chunk = firstChunk(context, session, own);

        List<String> payloads = context.smoke() ? Payloads.SMOKE : Payloads.ALL;
        Checker check = new Checker(tally, ownIds);
        for (String payload : payloads) {
            bodies(context, session, payload, check);
            queryParameters(context, session, payload, own, chunk, check);
        }
        Tally.Latency latency =
                tally.result(name(), context.smoke(), Duration.ZERO).latency();
        if (latency.p99Ms() >= P99_BOUND.toMillis()) {
            tally.violation(
                    "slow-p99", "all probes", "p99 " + latency.p99Ms() + " ms >= " + P99_BOUND.toMillis() + " ms");
        }
    }

    /** JSON bodies: search, query, comparisons, clause exemplars, playbooks. */
    private static void bodies(AbuseContext context, Session session, String payload, Checker check) {
        Map<String, BiConsumer<ObjectNode, String>> fields = new java.util.LinkedHashMap<>();
        fields.put("question", (b, p) -> b.put("question", p));
        fields.put("mode", (b, p) -> b.put("mode", p));
        fields.put("documentIds", (b, p) -> b.putArray("documentIds").add(p));
        fields.put("filters.collection", (b, p) -> b.putObject("filters").put("collection", p));
        fields.put(
                "filters.tags",
                (b, p) -> b.putObject("filters").putArray("tags").add(p));
        fields.put(
                "filters.contentTypes",
                (b, p) -> b.putObject("filters").putArray("contentTypes").add(p));
        fields.put("filters.uploadedAfter", (b, p) -> b.putObject("filters").put("uploadedAfter", p));
        fields.put("filters.uploadedBefore", (b, p) -> b.putObject("filters").put("uploadedBefore", p));
        fields.put("topK", (b, p) -> b.put("topK", p));
        fields.put("conversationId", (b, p) -> b.put("conversationId", p));
        for (Map.Entry<String, BiConsumer<ObjectNode, String>> field : fields.entrySet()) {
            // tsquery and trigram text searches are the likeliest places for a string to meet SQL: every mode
            for (String mode : List.of("hybrid", "text", "vector")) {
                ObjectNode body =
                        JSON.createObjectNode().put("question", "rent notice").put("mode", mode);
                field.getValue().accept(body, payload);
                boolean filterValue =
                        field.getKey().startsWith("filters.") && !field.getKey().startsWith("filters.upload");
                for (String endpoint : List.of("/api/v1/search", "/api/v1/query")) {
                    if (endpoint.equals("/api/v1/search") && field.getKey().equals("conversationId")) {
                        continue;
                    }
                    Reply reply =
                            context.probe().postJson(endpoint, session.accessToken(), JSON.writeValueAsString(body));
                    check.judge(endpoint + " " + field.getKey() + " (" + mode + ")", payload, reply, filterValue);
                }
                if (!field.getKey().equals("question") && !field.getKey().equals("mode")) {
                    break; // the mode matters for the question's own handling; other fields are parsed before it
                }
            }
        }
        ObjectNode comparison =
                JSON.createObjectNode().put("leftDocumentId", payload).put("rightDocumentId", payload);
        check.judge(
                "/api/v1/comparisons ids",
                payload,
                context.probe()
                        .postJson("/api/v1/comparisons", session.accessToken(), JSON.writeValueAsString(comparison)),
                false);
        ObjectNode exemplar = JSON.createObjectNode();
        exemplar.putArray("exemplars").addObject().put("category", payload).put("text", payload);
        check.judge(
                "/api/v1/clause-exemplars category",
                payload,
                context.probe()
                        .postJson("/api/v1/clause-exemplars", session.accessToken(), JSON.writeValueAsString(exemplar)),
                false);
    }

    /** Path segments and query parameters: ids, versions, cursors, limits, status filters, playbook ids. */
    private static void queryParameters(
            AbuseContext context, Session session, String payload, String own, String chunk, Checker check) {
        String p = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
        String token = session.accessToken();
        List<String> gets = List.of(
                "/api/v1/documents?status=" + p,
                "/api/v1/documents?limit=" + p,
                "/api/v1/documents?cursor=" + p,
                "/api/v1/documents/" + p,
                "/api/v1/documents/" + own + "/chunks?cursor=" + p,
                "/api/v1/documents/" + own + "/chunks?version=" + p,
                "/api/v1/documents/" + own + "/chunks?limit=" + p,
                "/api/v1/documents/" + own + "/chunks/" + p,
                "/api/v1/documents/" + p + "/chunks/" + chunk,
                "/api/v1/documents/" + own + "/analysis?version=" + p,
                "/api/v1/documents/" + p + "/analysis",
                "/api/v1/playbooks/" + p,
                "/api/v1/playbooks/default?version=" + p,
                "/api/v1/users/" + p,
                "/api/v1/users?limit=" + p);
        for (String path : gets) {
            check.judge(
                    "GET " + path.replace(p, "{payload}"),
                    payload,
                    context.probe().get(path, token),
                    false);
        }
        check.judge(
                "POST rerun playbookId",
                payload,
                context.probe()
                        .send(
                                "POST",
                                "/api/v1/documents/" + own + "/analysis/rerun?playbookId=" + p,
                                token,
                                null,
                                null,
                                Map.of()),
                false);
        check.judge("DELETE api-key id", payload, context.probe().delete("/api/v1/api-keys/" + p, token), false);
        check.judge(
                "POST user disable id",
                payload,
                context.probe().send("POST", "/api/v1/users/" + p + "/disable", token, null, null, Map.of()),
                false);
    }

    private static Set<String> ownDocumentIds(AbuseContext context, Session session) {
        Set<String> ids = new HashSet<>();
        Reply list = context.probe().get("/api/v1/documents?limit=200", session.accessToken());
        list.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static String firstChunk(AbuseContext context, Session session, String document) {
        Reply chunks = context.probe().get("/api/v1/documents/" + document + "/chunks", session.accessToken());
        for (JsonNode item : chunks.json().path("items")) {
            return item.path("chunkId").asString();
        }
        return "00000000-0000-0000-0000-000000000000";
    }

    /** Judges one probe: 5xx, slowness, foreign rows, rows where none may be. */
    private record Checker(Tally tally, Set<String> ownIds) {

        void judge(String where, String payload, Reply reply, boolean filterValue) {
            tally.count("probes");
            tally.count("status." + reply.status());
            tally.latency(reply.elapsed());
            String subject = where + " <- " + abbreviate(payload);
            if (reply.isServerError()) {
                tally.violation("server-error", subject, reply.outcome() + " " + abbreviate(reply.body()));
            }
            if (reply.status() >= 400 && reply.status() < 500 && reply.code().isEmpty()) {
                tally.violation("unclean-refusal", subject, reply.outcome() + " " + reply.contentType());
            }
            if (reply.elapsed().compareTo(SLOW) > 0) {
                // Any probe can be slow on a loaded machine (counted; the p99 against the benign baseline judges
                // those); a delay payload's probe as long as its delay means the delay ran.
                tally.count("slow");
                if (payload.contains("pg_sleep") && reply.elapsed().toMillis() >= 3_000) {
                    tally.violation("delay-executed", subject, reply.elapsed().toMillis() + " ms");
                }
            }
            if (reply.status() != 200 || !reply.contentType().contains("json")) {
                return;
            }
            JsonNode body = reply.json();
            List<String> returned = new java.util.ArrayList<>();
            body.path("results").forEach(r -> returned.add(r.path("documentId").asString()));
            body.path("citations")
                    .forEach(c -> returned.add(c.path("documentId").asString()));
            body.path("items").forEach(i -> {
                if (i.has("sha256") || i.has("status")) {
                    returned.add(i.path("id").asString());
                }
            });
            for (String id : returned) {
                if (!ownIds.contains(id)) {
                    tally.violation("extra-row", subject, "a document that is not the caller's: " + id);
                }
            }
            if (filterValue && !body.path("results").isEmpty()) {
                tally.violation(
                        "extra-row",
                        subject,
                        body.path("results").size() + " results for a filter value no document carries");
            }
        }

        private static String abbreviate(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "...";
        }
    }
}
