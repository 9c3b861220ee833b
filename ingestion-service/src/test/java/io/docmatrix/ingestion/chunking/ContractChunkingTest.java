package io.docmatrix.ingestion.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.ingestion.parsing.IsolatedDocumentParser;
import io.docmatrix.ingestion.parsing.ParseLimits;
import io.docmatrix.ingestion.parsing.ParseOutcome;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A numbered contract through the real parser and the chunker: the heading path follows the numbering. */
class ContractChunkingTest {

    private static final String CONTRACT =
            """
            MASTER SERVICES AGREEMENT

            ARTICLE IV
            TERMINATION

            4.1 Termination for Cause. Either party may terminate this Agreement if the other party materially \
            breaches it and fails to cure the breach within thirty days of written notice.

            4.2 Termination for Convenience. The Customer may terminate this Agreement for any reason on ninety days \
            written notice, provided that:

            (a) all undisputed fees accrued up to the termination date are paid; and

            (b) the Customer returns all Confidential Information.

            Section 5.1 Limitation of Liability. Neither party is liable for indirect damages.
            """;

    @Test
    void givesChunksTheHeadingPathOfArticlesSectionsAndClauses() {
        ParseOutcome outcome;
        try (IsolatedDocumentParser parser =
                new IsolatedDocumentParser(ParseLimits.defaults().withTimeout(Duration.ofSeconds(30)))) {
            outcome = parser.parse("msa.txt", CONTRACT.getBytes(StandardCharsets.UTF_8));
        }
        Parsed parsed = (Parsed) outcome;

        List<Chunk> chunks = new Chunker(InProcessModel.ALL_MINILM_L6_V2_Q.tokenizer(), 120, 20).chunk(parsed);

        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).contains("materially breaches");
            assertThat(c.headingPath()).containsExactly("ARTICLE IV TERMINATION", "4.1 Termination for Cause");
        });
        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).startsWith("(a) all undisputed fees");
            assertThat(c.headingPath())
                    .containsExactly(
                            "ARTICLE IV TERMINATION",
                            "4.2 Termination for Convenience",
                            "(a) all undisputed fees accrued up to the termination date are paid; and");
        });
        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).startsWith("Section 5.1");
            assertThat(c.headingPath())
                    .containsExactly("ARTICLE IV TERMINATION", "Section 5.1 Limitation of Liability");
        });
        assertThat(chunks)
                .allSatisfy(c -> assertThat(c.text()).isEqualTo(parsed.text().substring(c.start(), c.end())));
    }
}
