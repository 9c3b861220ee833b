package io.docmatrix.ingestion.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.Tokenizer;
import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Heading;
import io.docmatrix.ingestion.parsing.ParseOutcome.Page;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Row;
import io.docmatrix.ingestion.parsing.ParseOutcome.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final Tokenizer MINILM = InProcessModel.ALL_MINILM_L6_V2_Q.tokenizer();
    private static final List<String> WORDS = List.of(
            "the",
            "supplier",
            "shall",
            "deliver",
            "goods",
            "within",
            "thirty",
            "days",
            "of",
            "receipt",
            "payment",
            "indemnify",
            "licensor",
            "confidential",
            "information",
            "Agreement",
            "terminate",
            "notice",
            "2026",
            "U.S.",
            "e.g.",
            "(a)",
            "€1,000",
            "naïve",
            "Zürich",
            "straße",
            "—",
            "non-exclusive",
            "sub-licence");

    @Test
    void chunkTextsAreExactlyTheirOffsetsIntoTheExtractedTextOverManyGeneratedDocuments() {
        Random random = new Random(7);
        for (int doc = 0; doc < 150; doc++) {
            Parsed document = GeneratedDocument.random(random);
            int target = 20 + random.nextInt(200);
            int overlap = random.nextInt(40);

            List<Chunk> chunks = new Chunker(MINILM, target, overlap).chunk(document);

            String text = document.text();
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                assertThat(chunk.ordinal()).isEqualTo(i);
                assertThat(chunk.start()).isLessThan(chunk.end());
                assertThat(chunk.text()).isEqualTo(text.substring(chunk.start(), chunk.end()));
                assertThat(chunk.tokenCount())
                        .isEqualTo(MINILM.countTokens(chunk.embeddingText()))
                        .isLessThanOrEqualTo(Math.min(target, 128));
                assertThat(chunk.page()).isEqualTo(document.pageAt(chunk.start()));
                assertThat(chunk.pageEnd()).isGreaterThanOrEqualTo(chunk.page());
            }
            assertThat(nonBlankCharsOutside(text, chunks))
                    .as("text left out of every chunk")
                    .isZero();
        }
    }

    @Test
    void neverExceedsMiniLmsWindowEvenWhenAskedForLargerChunks() {
        Parsed document = GeneratedDocument.random(new Random(11));

        List<Chunk> chunks = new Chunker(MINILM, 400, 50).chunk(document);

        assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(128));
    }

    @Test
    void keepsASmallTableWholeInOneChunk() {
        GeneratedDocument doc = new GeneratedDocument();
        doc.paragraph("Prices are listed below.");
        doc.table(List.of("Item | Price", "Widget | 10 EUR", "Gadget | 25 EUR"));
        doc.paragraph("Prices exclude VAT.");

        List<Chunk> chunks = new Chunker(MINILM, 120, 20).chunk(doc.build());

        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).isEqualTo("Item | Price\nWidget | 10 EUR\nGadget | 25 EUR");
            assertThat(c.tableHeader()).isNull();
        });
    }

    @Test
    void splitsALargeTableByRowsRepeatingItsHeaderRow() {
        GeneratedDocument doc = new GeneratedDocument();
        List<String> rows = new ArrayList<>(List.of("Product | Unit price | Delivery time"));
        for (int i = 0; i < 60; i++) {
            rows.add("Product number " + i + " | " + (10 + i) + " EUR | " + (i % 5 + 1) + " weeks");
        }
        doc.table(rows);

        List<Chunk> chunks = new Chunker(MINILM, 100, 20).chunk(doc.build());

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks.subList(1, chunks.size())).allSatisfy(c -> {
            assertThat(c.tableHeader()).isEqualTo("Product | Unit price | Delivery time");
            assertThat(c.embeddingText()).startsWith("Product | Unit price | Delivery time\nProduct number");
            assertThat(c.tokenCount()).isLessThanOrEqualTo(100);
            assertThat(c.text().lines()).allMatch(line -> line.startsWith("Product number"));
        });
    }

    @Test
    void givesEachChunkTheHeadingPathOfItsSection() {
        GeneratedDocument doc = new GeneratedDocument();
        doc.heading(1, "ARTICLE 4 TERMINATION");
        doc.heading(3, "4.1 Termination for Cause");
        doc.paragraph("Either party may terminate for material breach.");
        doc.heading(3, "4.2 Termination for Convenience");
        doc.paragraph("The customer may terminate on ninety days notice.");
        doc.heading(1, "ARTICLE 5 LIABILITY");
        doc.paragraph("Liability is capped at the fees paid.");

        List<Chunk> chunks = new Chunker(MINILM, 120, 20).chunk(doc.build());

        assertThat(chunks)
                .extracting(Chunk::headingPath)
                .containsExactly(
                        List.of("ARTICLE 4 TERMINATION", "4.1 Termination for Cause"),
                        List.of("ARTICLE 4 TERMINATION", "4.2 Termination for Convenience"),
                        List.of("ARTICLE 5 LIABILITY"));
        assertThat(chunks.get(0).text()).startsWith("ARTICLE 4 TERMINATION\n\n4.1 Termination for Cause");
    }

    @Test
    void overlapsConsecutiveChunksOfASectionByWholeSentences() {
        GeneratedDocument doc = new GeneratedDocument();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            paragraph.append("Sentence number ").append(i).append(" states an obligation of the supplier. ");
        }
        doc.paragraph(paragraph.toString().strip());

        List<Chunk> chunks = new Chunker(MINILM, 60, 20).chunk(doc.build());

        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isLessThan(chunks.get(i - 1).end());
            assertThat(chunks.get(i).start()).isGreaterThan(chunks.get(i - 1).start());
        }
    }

    @Test
    void cutsARunOfCharactersWithoutSpacesIntoChunksOfBoundedLength() {
        // The tokenizer reads a word of more than 100 characters as one unknown token, so by tokens alone this
        // megabyte was a single chunk: one event larger than Kafka accepts, which stopped the outbox relay.
        GeneratedDocument doc = new GeneratedDocument();
        doc.paragraph("x".repeat(1_000_000));
        Parsed parsed = doc.build();

        List<Chunk> chunks = new Chunker(MINILM, 120, 20).chunk(parsed);

        assertThat(chunks).hasSizeGreaterThan(300);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(120 * 24));
        assertThat(nonBlankCharsOutside(parsed.text(), chunks)).isZero();
    }

    @Test
    void packsNoMoreCharactersThanTheBoundIntoOneChunkFromManyLongWords() {
        GeneratedDocument doc = new GeneratedDocument();
        doc.paragraph(("y".repeat(150) + " ").repeat(2_000).strip());
        Parsed parsed = doc.build();

        List<Chunk> chunks = new Chunker(MINILM, 120, 20).chunk(parsed);

        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(120 * 24));
        assertThat(nonBlankCharsOutside(parsed.text(), chunks)).isZero();
    }

    @Test
    void chunksADocumentOfAHundredThousandHeadingsInLinearTime() {
        // A 800 kB Markdown file of 200,000 "# h" lines held a worker in EMBEDDING for many minutes: each block looked
        // up its section and its heading by scanning every heading, and each one-token piece tokenized its whole chunk.
        GeneratedDocument doc = new GeneratedDocument();
        for (int i = 0; i < 100_000; i++) {
            doc.heading(1, "h");
        }
        Parsed parsed = doc.build();

        List<Chunk> chunks = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> new Chunker(MINILM, 120, 20, 1_000_000).chunk(parsed));

        assertThat(nonBlankCharsOutside(parsed.text(), chunks)).isZero();
    }

    @Test
    void stopsADocumentThatNeedsMoreChunksThanTheLimit() {
        GeneratedDocument doc = new GeneratedDocument();
        for (int i = 0; i < 30; i++) {
            doc.heading(1, "Section " + i);
            doc.paragraph("The supplier shall deliver the goods within thirty days of receipt, section " + i + ".");
        }
        Parsed parsed = doc.build();

        assertThat(new Chunker(MINILM, 120, 20, 30).chunk(parsed)).hasSize(30);
        assertThatThrownBy(() -> new Chunker(MINILM, 120, 20, 29).chunk(parsed))
                .isInstanceOf(Chunker.ChunkLimitExceededException.class)
                .hasMessageContaining("29");
    }

    private static long nonBlankCharsOutside(String text, List<Chunk> chunks) {
        boolean[] covered = new boolean[text.length()];
        for (Chunk c : chunks) {
            for (int i = c.start(); i < c.end(); i++) {
                covered[i] = true;
            }
        }
        long outside = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i] && !Character.isWhitespace(text.charAt(i))) {
                outside++;
            }
        }
        return outside;
    }

    /** Builds parser-shaped documents: blocks separated by a blank line, tables as rows, headings, pages. */
    static final class GeneratedDocument {
        private final StringBuilder text = new StringBuilder();
        private final List<Block> blocks = new ArrayList<>();
        private final List<Heading> headings = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Integer> pageStarts = new ArrayList<>(List.of(0));

        static Parsed random(Random random) {
            GeneratedDocument doc = new GeneratedDocument();
            int blocks = 1 + random.nextInt(25);
            for (int b = 0; b < blocks; b++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    doc.heading(1 + random.nextInt(4), "Section " + b + " " + words(random, 1 + random.nextInt(5)));
                } else if (kind == 1) {
                    List<String> rows = new ArrayList<>();
                    int n = 2 + random.nextInt(random.nextBoolean() ? 4 : 40);
                    for (int r = 0; r < n; r++) {
                        rows.add(words(random, 1 + random.nextInt(3)) + " | " + words(random, 1 + random.nextInt(6)));
                    }
                    doc.table(rows);
                } else if (kind == 2) {
                    doc.pageBreak();
                } else if (kind == 3) {
                    // One enormous token: no spaces to split at.
                    doc.paragraph("x".repeat(50 + random.nextInt(2000)));
                } else {
                    StringBuilder p = new StringBuilder();
                    int sentences = 1 + random.nextInt(random.nextBoolean() ? 3 : 30);
                    for (int s = 0; s < sentences; s++) {
                        String sentence = words(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 30));
                        p.append(Character.toUpperCase(sentence.charAt(0)))
                                .append(sentence.substring(1))
                                .append(random.nextInt(8) == 0 ? "\n" : ". ");
                    }
                    doc.paragraph(p.toString().strip());
                }
            }
            return doc.build();
        }

        private static String words(Random random, int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    s.append(' ');
                }
                s.append(WORDS.get(random.nextInt(WORDS.size())));
            }
            return s.toString();
        }

        private int separate() {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            return text.length();
        }

        void paragraph(String s) {
            int start = separate();
            text.append(s);
            blocks.add(new Block(Block.Kind.PARAGRAPH, start, text.length()));
        }

        void heading(int level, String title) {
            int start = separate();
            text.append(title);
            blocks.add(new Block(Block.Kind.HEADING, start, text.length()));
            headings.add(new Heading(level, title, start));
        }

        void table(List<String> rows) {
            int start = separate();
            List<Row> ranges = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    text.append('\n');
                }
                int rowStart = text.length();
                text.append(rows.get(i));
                ranges.add(new Row(rowStart, text.length()));
            }
            blocks.add(new Block(Block.Kind.TABLE, start, text.length()));
            tables.add(new Table(start, text.length(), ranges));
        }

        void pageBreak() {
            pageStarts.add(text.length());
        }

        Parsed build() {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < pageStarts.size(); i++) {
                int end = i + 1 < pageStarts.size() ? pageStarts.get(i + 1) : text.length();
                pages.add(new Page(i + 1, pageStarts.get(i), end));
            }
            return new Parsed("text/plain", text.toString(), pages, blocks, headings, tables);
        }
    }
}
