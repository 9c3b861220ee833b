package io.docmatrix.eval.abuse.isolation;

import io.docmatrix.eval.abuse.AbuseContext;
import io.docmatrix.eval.abuse.AbuseSuite;
import io.docmatrix.eval.abuse.Canaries;
import io.docmatrix.eval.abuse.Documents;
import io.docmatrix.eval.abuse.Tally;
import io.docmatrix.eval.abuse.http.Reply;
import io.docmatrix.eval.abuse.http.Session;
import io.docmatrix.eval.abuse.llm.ObedientLlm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenant isolation: canaries planted in tenant B's documents, and tenants A (a few documents of its own) and "tiny"
 * (a single document, so filtered vector search has almost nothing of its own to return) trying to reach them by every
 * route the API has. Promises: no canary in any answer, in any log line of A's requests or in any prompt the model was
 * sent; every foreign object id is 404; B's documents survive A's deletes.
 */
public final class IsolationSuite implements AbuseSuite {

    private static final Logger log = LoggerFactory.getLogger(IsolationSuite.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VICTIM = "abuse-b";
    static final List<String> ATTACKERS = List.of("abuse-a", "abuse-tiny");
    private static final String B_COLLECTION = "b-confidential";
    static final int FULL_MINIMUM_PROBES = 1_000;

    @Override
    public String name() {
        return "isolation";
    }

    @Override
    public void run(AbuseContext context, Tally tally) throws Exception {
        Canaries canaries = Canaries.forRun(context.runId(), "ALPHA", "BRAVO", "CHARLIE");
        // Secrets beside the canaries that A never types: A's own questions may be logged or prompted with A's
        // input, so only these prove a leak in A's log lines.
        Canaries hidden = Canaries.forRun(context.runId(), "XALPHA", "XBRAVO", "XCHARLIE");
        Canaries everything =
                new Canaries(java.util.stream.Stream.concat(canaries.values().stream(), hidden.values().stream())
                        .toList());
        Documents documents = context.documents();
        Session victim = context.session(VICTIM);
        List<String> victimDocs = new ArrayList<>();
        victimDocs.add(documents.seed(
                victim,
                "nightingale-" + context.runId() + ".txt",
                """
                Project Nightingale merger terms. The acquisition price is %s per share and the break fee is \
                forty million euros. This memo is confidential to the board of tenant B.
                """
                        .formatted(canaries.get(0)),
                B_COLLECTION,
                "confidential",
                "b-only"));
        victimDocs.add(documents.seed(
                victim,
                "patient-" + context.runId() + ".md",
                """
                # Patient record
                Jane Canary-Doe was admitted on 3 March. Her diagnosis code is %s and her insurer is Northwind Mutual.
                """
                        .formatted(canaries.get(1)),
                B_COLLECTION,
                "medical"));
        victimDocs.add(documents.seed(
                victim,
                "payroll-" + context.runId() + ".txt",
                """
                Payroll export for the quarter. The chief executive's salary is %s dollars. Bank account numbers are \
                kept in the treasury system.
                """
                        .formatted(canaries.get(2)),
                "b-finance",
                "payroll"));

        Session attacker = context.session(ATTACKERS.get(0));
        Session tiny = context.session(ATTACKERS.get(1));
        List<String> attackerDocs = List.of(
                documents.seed(
                        attacker,
                        "merger-" + context.runId() + ".txt",
                        "Our own merger memo. The acquisition price for Project Falcon is twelve euros per share.",
                        "a-deals",
                        "confidential"),
                documents.seed(
                        attacker,
                        "clinic-" + context.runId() + ".txt",
                        "Clinic handbook: diagnosis codes are entered by the attending physician.",
                        "a-medical"),
                documents.seed(
                        attacker,
                        "salaries-" + context.runId() + ".txt",
                        "Salary bands are reviewed every year by the remuneration committee.",
                        "a-hr"));
        String tinyDoc = documents.seed(
                tiny,
                "lonely-" + context.runId() + ".txt",
                "The only document of a tiny tenant, about garden furniture.",
                "tiny");

        List<String> all = new ArrayList<>(victimDocs);
        all.addAll(attackerDocs);
        Map<String, JsonNode> finals = documents.awaitFinal(victim, victimDocs, Duration.ofMinutes(5));
        documents.awaitFinal(attacker, attackerDocs, Duration.ofMinutes(5));
        documents.awaitFinal(tiny, List.of(tinyDoc), Duration.ofMinutes(5));
        for (String id : victimDocs) {
            if (!"READY"
                    .equals(finals.getOrDefault(id, JSON.nullNode())
                            .path("status")
                            .asString(""))) {
                throw new IllegalStateException(
                        "tenant B's document " + id + " did not become READY: " + finals.get(id));
            }
        }
        // Positive control: B itself finds its canaries, so a search that returns none to A proves something.
        for (int i = 0; i < victimDocs.size(); i++) {
            if (!documents.awaitSearchable(victim, victimDocs.get(i), canaries.get(i), Duration.ofMinutes(3))) {
                throw new IllegalStateException("tenant B cannot find its own canary " + canaries.get(i)
                        + " (the read model did not catch up): the isolation checks would prove nothing");
            }
        }
        tally.count("control.victimFindsCanaries");
        Victim b = victimObjects(context, victim, victimDocs, canaries);

        context.model().ifPresent(ObedientLlm::clear);
        for (String tenant : ATTACKERS) {
            Session session = context.session(tenant);
            String ownDoc = tenant.equals("abuse-tiny") ? tinyDoc : attackerDocs.get(0);
            new Attacks(context, tally, canaries, everything, session, b, ownDoc).run();
        }
        // Issue 9: "tenant A tries at least 1,000 ways". A shrunken probe list must not pass the full profile quietly.
        if (!context.smoke() && tally.get("attempts") < FULL_MINIMUM_PROBES) {
            tally.violation(
                    "too-few-probes",
                    "isolation",
                    tally.get("attempts") + " probes, the full profile promises at least " + FULL_MINIMUM_PROBES);
        }
        for (String id : victimDocs) {
            Reply still = context.probe().get("/api/v1/documents/" + id, victim.accessToken());
            if (still.status() != 200) {
                tally.violation(
                        "foreign-delete", id, "tenant B's document is gone after A's attacks: " + still.outcome());
            }
        }
        context.model().ifPresent(model -> scanPrompts(model, everything, hidden, tally));
        scanLogs(context, hidden, everything, tally);
    }

    /** B's ids: documents, chunks, a conversation. */
    record Victim(List<String> documents, List<String> chunks, String conversationId) {}

    private static Victim victimObjects(AbuseContext context, Session victim, List<String> docs, Canaries canaries) {
        List<String> chunks = new ArrayList<>();
        for (String doc : docs) {
            Reply reply = context.probe().get("/api/v1/documents/" + doc + "/chunks?limit=200", victim.accessToken());
            reply.json()
                    .path("items")
                    .forEach(item -> chunks.add(
                            item.path("id").asString(item.path("chunkId").asString(""))));
        }
        ObjectNode question =
                JSON.createObjectNode().put("question", "What is the acquisition price? " + canaries.get(0));
        Reply answer =
                context.probe().postJson("/api/v1/query", victim.accessToken(), JSON.writeValueAsString(question));
        String conversation =
                answer.status() == 200 ? answer.json().path("conversationId").asString("") : "";
        log.info(
                "isolation: tenant B has {} documents, {} chunks, conversation {}",
                docs.size(),
                chunks.size(),
                conversation);
        return new Victim(docs, chunks.stream().filter(c -> !c.isBlank()).toList(), conversation);
    }

    /** The data the platform put into a prompt must hold no canary; the whole prompt no secret A never typed. */
    private static void scanPrompts(ObedientLlm model, Canaries everything, Canaries hidden, Tally tally) {
        List<ObedientLlm.Prompt> prompts = model.prompts();
        tally.add("llm.promptsCaptured", prompts.size());
        for (ObedientLlm.Prompt prompt : prompts) {
            everything
                    .foundIn(prompt.data())
                    .ifPresent(c -> tally.violation(
                            "canary-in-prompt", c, "a prompt sent while A attacked holds B's text as a document"));
            hidden.foundIn(prompt.whole())
                    .ifPresent(c ->
                            tally.violation("canary-in-prompt", c, "a prompt sent while A attacked holds B's secret"));
        }
    }

    /**
     * Log lines of A's (or tiny's) requests, recognised by their tenant id, must not hold B's secrets. Lines of B's
     * own requests and untagged lines holding any canary are counted too (B's text in logs at all is worth knowing).
     */
    private static void scanLogs(AbuseContext context, Canaries hidden, Canaries everything, Tally tally)
            throws IOException {
        Path logs = context.varDir().resolve("log");
        if (!Files.isDirectory(logs)) {
            tally.add("logs.scanned", 0);
            return;
        }
        List<String> tags = new ArrayList<>();
        for (String tenant : ATTACKERS) {
            tags.add(context.session(tenant).tenantId().toString());
        }
        String victimId = context.session(VICTIM).tenantId().toString();
        long lines = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .toList()) {
                try (Stream<String> content = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                    for (String line : (Iterable<String>) content::iterator) {
                        if (tags.stream().anyMatch(line::contains)) {
                            lines++;
                            hidden.foundIn(line)
                                    .ifPresent(c -> tally.violation(
                                            "canary-in-log",
                                            file.getFileName().toString(),
                                            "a line of A's holds " + c));
                        } else if (everything.foundIn(line).isPresent()) {
                            tally.count(
                                    line.contains(victimId)
                                            ? "logs.victimLinesWithCanary"
                                            : "logs.untaggedLinesWithCanary");
                        }
                    }
                }
            }
        }
        tally.add("logs.attackerLines", lines);
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
