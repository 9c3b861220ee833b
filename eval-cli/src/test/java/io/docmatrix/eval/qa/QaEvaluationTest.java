package io.docmatrix.eval.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docmatrix.eval.corpus.LoadedDocument;
import io.docmatrix.eval.corpus.OffsetMap;
import io.docmatrix.eval.corpus.PlatformChunk;
import io.docmatrix.eval.corpus.SourceDocument;
import io.docmatrix.eval.platform.Credentials;
import io.docmatrix.eval.platform.GatewaySettings;
import io.docmatrix.eval.platform.PlatformClient;
import io.docmatrix.eval.scoring.Span;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QaEvaluationTest {

    private static final String TEXT = "Nikola Tesla died on 7 January 1943 in New York.";
    private static final String CRLF_TEXT = "Line one.\r\nTesla lived in New York hotels.\r\n";
    private final JsonMapper json = JsonMapper.builder().build();

    private final LoadedDocument tesla = new LoadedDocument(
            new SourceDocument("Tesla#0", "Tesla", "Tesla_0.txt", TEXT, "fixture"),
            "11111111-1111-1111-1111-111111111111",
            "READY",
            false,
            1,
            OffsetMap.of(TEXT, List.of(new PlatformChunk("c1", 0, TEXT, 0, TEXT.length()))));

    // Extraction turned CRLF into LF: offsets index the extracted text, not the file.
    private final LoadedDocument hotels = new LoadedDocument(
            new SourceDocument("Hotels#0", "Hotels", "Hotels_0.txt", CRLF_TEXT, "fixture"),
            "22222222-2222-2222-2222-222222222222",
            "READY",
            false,
            1,
            OffsetMap.of(
                    CRLF_TEXT,
                    List.of(new PlatformChunk("h1", 0, "Line one.\nTesla lived in New York hotels.\n", 0, 42))));

    private final QaEvaluation evaluation = new QaEvaluation(
            new PlatformClient(
                    new GatewaySettings(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1), 1),
                    new Credentials("eval", "admin", "unused")),
            List.of(tesla, hotels),
            new QaEvaluation.Settings(List.of("HYBRID"), 10, true, null, null, true, 1));

    @Test
    void resultsAreMappedToSourceCoordinatesOfTheirDataSetDocument() {
        JsonNode results = json.readTree(
                "[{\"documentId\":\"11111111-1111-1111-1111-111111111111\",\"chunkId\":\"c1\","
                        + "\"start\":0,\"end\":48},{\"documentId\":\"99999999-9999-9999-9999-999999999999\",\"start\":0,\"end\":5}]");

        List<Span> spans = evaluation.resultSpans(results);

        assertThat(spans.get(0)).isEqualTo(new Span("Tesla#0", 0, 48));
        assertThat(spans.get(1).documentId()).startsWith("platform:");
    }

    @Test
    void remappedDocumentsHitGoldSpansInTheSourceFile() {
        int gold = CRLF_TEXT.indexOf("New York hotels");
        JsonNode results = json.readTree("[{\"documentId\":\"22222222-2222-2222-2222-222222222222\",\"chunkId\":\"h1\","
                + "\"start\":10,\"end\":41}]");

        List<Span> spans = evaluation.resultSpans(results);

        assertThat(spans.get(0).overlaps(new Span("Hotels#0", gold, gold + 15))).isTrue();
    }

    @Test
    void scoresAnAnswerAndChecksItsCitationsAgainstTheText() {
        JsonNode body = json.readTree(
                "{\"answer\":\"Tesla died in 1943. He was in New York.\",\"citations\":["
                        + "{\"documentId\":\"11111111-1111-1111-1111-111111111111\",\"start\":31,\"end\":35,\"quote\":\"1943\"},"
                        + "{\"documentId\":\"11111111-1111-1111-1111-111111111111\",\"start\":0,\"end\":6,\"quote\":\"Tesla\"},"
                        + "{\"documentId\":\"22222222-2222-2222-2222-222222222222\",\"start\":10,\"end\":15,\"quote\":\"Tesla\"}]}");

        QaEvaluation.AnswerResult result = evaluation.score(body, List.of("1943"));

        assertThat(result.containsGold()).isTrue();
        // 9 answer tokens, 1 shared with the gold: P 1/9, R 1
        assertThat(result.tokenF1()).isCloseTo(2 * (1 / 9.0) / (1 / 9.0 + 1), within(1e-12));
        assertThat(result.sentences()).isEqualTo(2);
        assertThat(result.citations()).isEqualTo(3);
        // The second quote does not match [0, 6) ("Nikola"); the third is checked against the extracted text.
        assertThat(result.validCitations()).isEqualTo(2);
    }
}
