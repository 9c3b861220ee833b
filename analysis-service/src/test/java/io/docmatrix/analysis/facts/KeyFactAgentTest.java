package io.docmatrix.analysis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyFactAgentTest {

    private final KeyFactAgent agent = new KeyFactAgent();

    @Test
    void extractsTheKeyFactsOfAServicesAgreementWithNormalisedValues() throws IOException {
        String text = fixture();

        List<KeyFact> facts = agent.extract(document(text, 400)).facts();

        assertThat(valuesOf(facts, "PARTY")).contains("Kestrel Data Systems, Inc.", "Lindenwood Retail Group LLC");
        assertThat(normalizedOf(facts, "AGREEMENT_DATE")).containsExactly("2021-03-01");
        assertThat(normalizedOf(facts, "EFFECTIVE_DATE")).contains("2021-04-01");
        assertThat(normalizedOf(facts, "RENEWAL_TERM")).containsExactly("P365D");
        assertThat(normalizedOf(facts, "NOTICE_PERIOD")).contains("P60D", "P90D", "P15D");
        assertThat(normalizedOf(facts, "GOVERNING_LAW")).containsExactly("US-NY");
        assertThat(valuesOf(facts, "GOVERNING_LAW")).containsExactly("the State of New York");
        assertThat(normalizedOf(facts, "MONETARY_AMOUNT")).contains("25000.00 USD", "2000000.00 USD");
    }

    @Test
    void everyFactQuotesItsExactPlaceInTheText() throws IOException {
        String text = fixture();
        DocumentForAnalysis document = document(text, 300);

        List<KeyFact> facts = agent.extract(document).facts();

        assertThat(facts).isNotEmpty();
        for (KeyFact f : facts) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.quote());
            assertThat(document.chunks())
                    .anySatisfy(c -> assertThat(c.chunkId()).isEqualTo(f.chunkId()));
        }
    }

    @Test
    void overlappingChunksReportAFactOnce() throws IOException {
        String text = fixture();

        List<KeyFact> facts = agent.extract(document(text, 300)).facts();

        assertThat(facts.stream().map(f -> f.kind() + "@" + f.start()).distinct())
                .hasSize(facts.size());
    }

    @Test
    void normalisesWrittenDatesToIsoDates() {
        assertThat(KeyFactAgent.isoDate("12th day of July, 2019")).isEqualTo("2019-07-12");
        assertThat(KeyFactAgent.isoDate("Sept. 3, 2018")).isEqualTo("2018-09-03");
        assertThat(KeyFactAgent.isoDate("5/6/2020")).isEqualTo("2020-05-06");
        assertThat(KeyFactAgent.isoDate("1 March 2021")).isEqualTo("2021-03-01");
        assertThat(KeyFactAgent.isoDate("February 30, 2021")).isNull();
    }

    @Test
    void normalisesPeriodsJurisdictionsAndCurrencies() {
        String text = "This Agreement renews for additional periods of six (6) months. A party may end it on three"
                + " months' written notice. It is governed by the laws of England and Wales. The fee is EUR 1,500"
                + " and the deposit 2.5 million dollars.";

        List<KeyFact> facts = agent.extract(document(text, 400)).facts();

        assertThat(normalizedOf(facts, "RENEWAL_TERM")).containsExactly("P180D");
        assertThat(normalizedOf(facts, "NOTICE_PERIOD")).containsExactly("P90D");
        assertThat(normalizedOf(facts, "GOVERNING_LAW")).containsExactly("GB-ENG");
        assertThat(normalizedOf(facts, "MONETARY_AMOUNT")).containsExactly("1500.00 EUR", "2500000.00 USD");
    }

    private static List<String> valuesOf(List<KeyFact> facts, String kind) {
        return facts.stream()
                .filter(f -> f.kind().equals(kind))
                .map(KeyFact::value)
                .toList();
    }

    private static List<String> normalizedOf(List<KeyFact> facts, String kind) {
        return facts.stream()
                .filter(f -> f.kind().equals(kind))
                .map(f -> String.valueOf(f.normalized()))
                .toList();
    }

    private static String fixture() throws IOException {
        try (InputStream in = KeyFactAgentTest.class.getResourceAsStream("/fixtures/services-agreement.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Fixed-size chunks overlapping by a fifth, cut at spaces; facts need no vectors. */
    private static DocumentForAnalysis document(String text, int size) {
        List<AnalysedChunk> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                end = space > start ? space : end;
            }
            chunks.add(new AnalysedChunk(
                    UUID.randomUUID(),
                    chunks.size(),
                    text.substring(start, end),
                    1,
                    1,
                    start,
                    end,
                    List.of(),
                    new float[0]));
            if (end == text.length()) {
                break;
            }
            int next = text.lastIndexOf(' ', end - size / 5);
            start = next > start ? next + 1 : end;
        }
        return new DocumentForAnalysis(UUID.randomUUID(), UUID.randomUUID(), 1, null, null, null, chunks);
    }
}
