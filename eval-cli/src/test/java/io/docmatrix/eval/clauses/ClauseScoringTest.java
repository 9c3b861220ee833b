package io.docmatrix.eval.clauses;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.eval.corpus.SourceDocument;
import io.docmatrix.eval.platform.PlatformClient.Exemplar;
import io.docmatrix.eval.scoring.PresenceScores;
import io.docmatrix.eval.scoring.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClauseScoringTest {

    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        // Insertion order is the report's order (Map.of would iterate differently from run to run).
        CATEGORIES.put("governinglaw", "Governing Law");
        CATEGORIES.put("auditrights", "Audit Rights");
    }

    @TempDir
    Path folder;

    @Test
    void loadsContractsAndGoldSpansByCategoryKey() throws IOException {
        CuadDataset data = fixture();

        assertThat(data.contracts()).hasSize(2);
        CuadDataset.Contract first = data.contracts().get(0);
        CuadDataset.GoldSpan law = first.gold().get("governinglaw").spans().get(0);
        assertThat(first.document().text().substring(law.start(), law.end()))
                .isEqualTo("This Agreement is governed by the laws of Delaware.");
        assertThat(data.categories()).containsExactly("Governing Law", "Audit Rights");
        assertThat(data.spansDropped()).isEqualTo(1);
    }

    @Test
    void presenceAndSpanRecallPerCategory() throws IOException {
        CuadDataset.Contract contract = fixture().contracts().get(0);
        int start = contract.document().text().indexOf("governed");
        PresenceScores scores = new PresenceScores();

        ClauseScoring.score(
                contract,
                List.of(
                        new ClauseScoring.Predicted("governinglaw", new Span("c1", start, start + 10)),
                        new ClauseScoring.Predicted("auditrights", new Span("c1", 0, 5))),
                CATEGORIES,
                scores);

        PresenceScores.Result result = scores.result();
        PresenceScores.CategoryScore law = result.categories().get(0);
        assertThat(law.truePositives()).isEqualTo(1);
        assertThat(law.spanRecall()).isEqualTo(1.0);
        PresenceScores.CategoryScore audit = result.categories().get(1);
        assertThat(audit.falsePositives()).isEqualTo(1);
    }

    @Test
    void aPredictedSpanOfAnotherCategoryDoesNotFindTheGoldSpan() throws IOException {
        CuadDataset.Contract contract = fixture().contracts().get(0);
        int start = contract.document().text().indexOf("governed");
        PresenceScores scores = new PresenceScores();

        ClauseScoring.score(
                contract,
                List.of(new ClauseScoring.Predicted("auditrights", new Span("c1", start, start + 10))),
                CATEGORIES,
                scores);

        assertThat(scores.result().categories().get(0).falseNegatives()).isEqualTo(1);
        assertThat(scores.result().categories().get(0).goldSpansHit()).isZero();
    }

    @Test
    void exemplarsComeOnlyFromTheLearningFoldAreCappedAndStable() throws IOException {
        CuadDataset data = fixture();
        List<CuadDataset.Contract> learnFrom = List.of(data.contracts().get(1));

        List<Exemplar> exemplars = ClauseScoring.exemplars(learnFrom, CATEGORIES, 1, 20, 2000);

        assertThat(exemplars)
                .containsExactly(new Exemplar("Governing Law", "These terms follow the laws of Ontario, Canada."));
        assertThat(ClauseScoring.exemplars(learnFrom, CATEGORIES, 1, 20, 2000)).isEqualTo(exemplars);
    }

    @Test
    void longExemplarsAreCutAtAWord() {
        assertThat(ClauseScoring.cut("alpha beta gamma", 12)).isEqualTo("alpha beta");
        assertThat(ClauseScoring.cut("short", 12)).isEqualTo("short");
    }

    @Test
    void categoryKeysIgnoreCaseAndPunctuation() {
        assertThat(CuadDataset.key("Rofr/Rofo/Rofn")).isEqualTo(CuadDataset.key("ROFR_ROFO_ROFN"));
        assertThat(CuadDataset.fold("any-contract")).isIn(0, 1);
    }

    private CuadDataset fixture() throws IOException {
        Files.createDirectories(folder.resolve("contracts"));
        String one = "SUPPLY AGREEMENT\nThis Agreement is governed by the laws of Delaware.\nEnd.";
        String two = "LICENSE\nThese terms follow the laws of Ontario, Canada.\nAlso short.";
        Files.writeString(folder.resolve("contracts/c1.txt"), one);
        Files.writeString(folder.resolve("contracts/c2.txt"), two);
        Files.writeString(
                folder.resolve("manifest.jsonl"),
                "{\"contract_id\":\"c1\",\"txt\":\"contracts/c1.txt\"}\n{\"contract_id\":\"c2\",\"txt\":\"contracts/c2.txt\"}\n");
        int s1 = one.indexOf("This");
        int s2 = two.indexOf("These");
        Files.writeString(
                folder.resolve("clauses.jsonl"),
                "{\"contract_id\":\"c1\",\"category\":\"Governing Law\",\"has_clause\":true,\"spans\":[{\"start\":" + s1
                        + ",\"end\":" + (s1 + 51)
                        + ",\"text\":\"This Agreement is governed by the laws of Delaware.\"}]}\n"
                        + "{\"contract_id\":\"c1\",\"category\":\"Audit Rights\",\"has_clause\":false,\"spans\":[]}\n"
                        + "{\"contract_id\":\"c2\",\"category\":\"Governing Law\",\"has_clause\":true,\"spans\":[{\"start\":"
                        + s2
                        + ",\"end\":" + (s2 + 47) + ",\"text\":\"These terms follow the laws of Ontario, Canada.\"},"
                        + "{\"start\":0,\"end\":5,\"text\":\"not in the text\"}]}\n");
        return CuadDataset.load(folder, "fixture");
    }

    @SuppressWarnings("unused")
    private static SourceDocument unused() {
        return new SourceDocument("", "", "", "", "");
    }
}
