package io.docmatrix.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.eval.platform.FakeGateway;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands end to end against an in-process gateway speaking the public API shapes. */
class EvalCliTest {

    @TempDir
    Path work;

    private FakeGateway gateway;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
        Files.createDirectories(work.resolve("secrets"));
        Files.writeString(work.resolve("admin-password"), FakeGateway.PASSWORD);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void qaLoadsTheDataSetAsksEveryQuestionAndWritesTheReport() throws IOException {
        Path data = work.resolve("qa");
        Files.createDirectories(data);
        Files.writeString(
                data.resolve("corpus.jsonl"),
                "{\"doc_id\":\"tesla\",\"title\":\"Tesla\",\"text\":\"Nikola Tesla was an inventor. He died in the year 1943"
                        + " in New York. His laboratory was in Colorado Springs for a while.\"}\n"
                        + "{\"doc_id\":\"edison\",\"title\":\"Edison\",\"text\":\"Thomas Edison founded a laboratory in Menlo"
                        + " Park, New Jersey, where the phonograph was invented.\"}\n");
        Files.writeString(
                data.resolve("questions.jsonl"),
                "{\"id\":\"q1\",\"question\":\"In which year did Tesla die?\",\"doc_id\":\"tesla\",\"answers\":[{\"text\":\"1943\",\"answer_start\":50}]}\n"
                        + "{\"id\":\"q2\",\"question\":\"Where was Edison's laboratory?\",\"doc_id\":\"edison\",\"answers\":[{\"text\":\"Menlo Park\",\"answer_start\":38}]}\n");
        Path report = work.resolve("report");

        int exit = run("qa", data.toString(), "--out", report.toString(), "--modes", "HYBRID,TEXT");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode figures = json.readTree(Files.readString(report.resolve("report.json")));
        assertThat(figures.path("questionsAsked").asInt()).isEqualTo(2);
        assertThat(figures.path("load").path("ready").asInt()).isEqualTo(2);
        assertThat(figures.path("offsets").path("chunksExact").asInt())
                .isEqualTo(figures.path("offsets").path("chunks").asInt())
                .isPositive();
        assertThat(figures.path("retrieval").path("HYBRID").path("questions").asInt())
                .isEqualTo(2);
        assertThat(figures.path("retrieval").path("TEXT").has("recallAt10")).isTrue();
        assertThat(figures.path("answers").path("answered").asInt()).isEqualTo(2);
        assertThat(figures.path("answers").path("citationValidity").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(report.resolve("report.md")))
                .contains("| HYBRID |")
                .contains("recall@5");
        assertThat(gateway.tenantsCreated).containsExactly("eval");
        assertThat(Files.exists(work.resolve("secrets/tenant-eval.password"))).isTrue();
        assertThat(out.toString()).contains("QA evaluation");

        int rerun = run("qa", data.toString(), "--out", work.resolve("again").toString(), "--no-answers");

        assertThat(rerun).isZero();
        JsonNode again = json.readTree(Files.readString(work.resolve("again/report.json")));
        assertThat(again.path("load").path("reused").asInt()).isEqualTo(2);
        assertThat(gateway.tenantsCreated).hasSize(1);
    }

    @Test
    void clausesLearnsFromTheOtherFoldOnlyAndScoresTheEvaluatedContracts() throws IOException {
        Path data = work.resolve("cuad");
        Files.createDirectories(data.resolve("contracts"));
        StringBuilder manifest = new StringBuilder();
        StringBuilder clauses = new StringBuilder();
        String clause = "This Agreement shall be governed by the laws of the State of New York.";
        for (int i = 0; i < 8; i++) {
            String id = "contract-" + i;
            String text = "AGREEMENT " + i + "\nThe parties agree to number " + i + ".\n" + clause + "\n";
            Files.writeString(data.resolve("contracts/" + id + ".txt"), text);
            manifest.append("{\"contract_id\":\"")
                    .append(id)
                    .append("\",\"txt\":\"contracts/")
                    .append(id)
                    .append(".txt\"}\n");
            int start = text.indexOf(clause);
            clauses.append("{\"contract_id\":\"")
                    .append(id)
                    .append("\",\"category\":\"Governing Law\",\"has_clause\":true,")
                    .append("\"spans\":[{\"start\":")
                    .append(start)
                    .append(",\"end\":")
                    .append(start + clause.length())
                    .append(",\"text\":\"")
                    .append(clause)
                    .append("\"}]}\n");
            clauses.append("{\"contract_id\":\"")
                    .append(id)
                    .append("\",\"category\":\"Parties\",\"has_clause\":true,\"spans\":[]}\n");
        }
        Files.writeString(data.resolve("manifest.jsonl"), manifest);
        Files.writeString(data.resolve("clauses.jsonl"), clauses);
        Path report = work.resolve("clauses-report");

        int exit = run("clauses", data.toString(), "--out", report.toString(), "--folds", "2");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode figures = json.readTree(Files.readString(report.resolve("report.json")));
        assertThat(figures.path("folds")).hasSize(2);
        assertThat(figures.path("skippedCategories").toString()).contains("Parties");
        assertThat(figures.path("evaluatedCategories").toString()).doesNotContain("Parties");
        JsonNode micro = figures.path("combined").path("micro");
        assertThat(micro.path("truePositives").asInt()
                        + micro.path("falseNegatives").asInt())
                .isEqualTo(8);
        // The same clause text is in every contract, so learning it from the other fold finds it in each one.
        assertThat(micro.path("recall").asDouble()).isEqualTo(1.0);
        assertThat(micro.path("spanRecall").asDouble()).isEqualTo(1.0);
        assertThat(gateway.tenantsCreated).containsExactly("eval-clauses-a", "eval-clauses-b");
    }

    @Test
    void anUnreachableGatewayIsOneLineAndExitCodeTwo() throws IOException {
        Files.writeString(work.resolve("secrets/tenant-eval.password"), "x");
        Path data = work.resolve("empty");
        Files.createDirectories(data);
        Files.writeString(data.resolve("corpus.jsonl"), "");
        Files.writeString(data.resolve("questions.jsonl"), "");

        int exit = new CommandLine(new EvalCli())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(
                        "qa",
                        data.toString(),
                        "--gateway",
                        "http://127.0.0.1:9",
                        "--max-attempts",
                        "1",
                        "--secrets-dir",
                        work.resolve("secrets").toString());
        StringWriter mainErr = new StringWriter();
        int viaMain = EvalCli.commandLine()
                .setErr(new PrintWriter(mainErr, true))
                .execute(
                        "qa",
                        data.toString(),
                        "--gateway",
                        "http://127.0.0.1:9",
                        "--max-attempts",
                        "1",
                        "--secrets-dir",
                        work.resolve("secrets").toString());

        assertThat(exit).isNotZero();
        assertThat(viaMain).isEqualTo(2);
        assertThat(mainErr.toString().strip())
                .startsWith("error: ")
                .contains("ConnectException")
                .contains("deploy/local/up")
                .doesNotContain("\tat ");
    }

    @Test
    void rejectsAnUnknownRetrievalMode() {
        assertThat(run("qa", work.toString(), "--modes", "FUZZY")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown mode FUZZY");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--gateway";
        all[args.length + 1] = gateway.url().toString();
        all[args.length + 2] = "--secrets-dir";
        all[args.length + 3] = work.resolve("secrets").toString();
        all[args.length + 4] = "--admin-password-file";
        all[args.length + 5] = work.resolve("admin-password").toString();
        return EvalCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all);
    }
}
