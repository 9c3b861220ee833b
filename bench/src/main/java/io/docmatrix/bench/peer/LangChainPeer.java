package io.docmatrix.bench.peer;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import io.docmatrix.bench.DatabaseTarget;
import io.docmatrix.bench.corpus.CorpusDocument;
import io.docmatrix.bench.corpus.LabelledQuestion;
import io.docmatrix.bench.report.Results.Peer;
import io.docmatrix.bench.report.Results.Retrieval;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.Tokenizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer: what a team would build with LangChain4j in one process. Each document is split by LangChain4j's
 * recursive splitter (paragraphs, then lines, sentences, words) into segments of ingestion's chunk size and overlap in
 * the model's own tokens, embedded in one batch per document with LangChain4j's parallel in-process embedding
 * (tuned, see {@link TunedOnnxModel}), and stored with one batched insert per document into LangChain4j's pgvector
 * store. There is no parser (it reads the plain text), no durable queue, no outbox and no events: the figures show what
 * DocMatrix's durability and decoupling cost.
 */
public final class LangChainPeer {

    private static final Logger LOG = LoggerFactory.getLogger(LangChainPeer.class);
    static final String TABLE = "peer_chunks";

    private final InProcessModel model;
    private final int threads;
    private final int chunkTokens;
    private final int overlapTokens;
    private final DatabaseTarget db;

    public LangChainPeer(InProcessModel model, int threads, int chunkTokens, int overlapTokens, DatabaseTarget db) {
        this.model = model;
        this.threads = threads;
        this.chunkTokens = chunkTokens;
        this.overlapTokens = overlapTokens;
        this.db = db;
    }

    public Peer run(List<CorpusDocument> corpus, List<LabelledQuestion> labelled, Duration limit) throws Exception {
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "peer-embedding-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            db.createSchema();
            TunedOnnxModel embedder = TunedOnnxModel.load(resource(), pooling(), executor);
            Tokenizer tokenizer = model.tokenizer();
            DocumentSplitter splitter =
                    DocumentSplitters.recursive(chunkTokens, overlapTokens, new ModelTokenCount(tokenizer));
            PgVectorEmbeddingStore store = PgVectorEmbeddingStore.datasourceBuilder()
                    .datasource(db.dataSource())
                    .table(TABLE)
                    .dimension(384)
                    .createTable(true)
                    .dropTableFirst(true)
                    // Exact search: LangChain4j's store only offers IVFFlat, whose lists must be trained on data that
                    // is not there yet when ingestion starts.
                    .useIndex(false)
                    .build();
            embedder.embed("warm-up");
            long deadline = System.nanoTime() + limit.toNanos();
            long split = 0;
            long embed = 0;
            long stored = 0;
            long segments = 0;
            long tokens = 0;
            int documents = 0;
            long started = System.nanoTime();
            for (CorpusDocument document : corpus) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("peer stopped at its time limit after {} documents", documents);
                    break;
                }
                long t0 = System.nanoTime();
                Document doc = Document.from(document.text());
                doc.metadata().put("document", document.name());
                List<TextSegment> parts = splitter.split(doc);
                long t1 = System.nanoTime();
                List<Embedding> vectors = embedder.embedAll(parts).content();
                long t2 = System.nanoTime();
                store.addAll(vectors, parts);
                long t3 = System.nanoTime();
                split += t1 - t0;
                embed += t2 - t1;
                stored += t3 - t2;
                segments += parts.size();
                documents++;
                for (TextSegment part : parts) {
                    tokens += tokenizer.countTokens(part.text());
                }
                // The token count above is bookkeeping, not pipeline work: keep it out of the clock.
                started += System.nanoTime() - t3;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("peer: {} documents, {} segments in {} s", documents, segments, String.format("%.1f", seconds));
            Retrieval retrieval = labelled.isEmpty() ? null : retrieval(embedder, store, labelled, 10, documents);
            return new Peer(
                    model.id(),
                    threads,
                    chunkTokens,
                    overlapTokens,
                    documents,
                    segments,
                    tokens,
                    seconds,
                    split / 1e9,
                    embed / 1e9,
                    stored / 1e9,
                    segments / seconds,
                    tokens / seconds,
                    retrieval);
        } finally {
            executor.shutdownNow();
        }
    }

    /** The peer's segments of a corpus: the ceiling's texts when the platform's own chunks are not available. */
    public static List<String> segments(
            List<CorpusDocument> corpus, InProcessModel model, int chunkTokens, int overlapTokens, int max) {
        DocumentSplitter splitter =
                DocumentSplitters.recursive(chunkTokens, overlapTokens, new ModelTokenCount(model.tokenizer()));
        List<String> texts = new java.util.ArrayList<>();
        for (CorpusDocument document : corpus) {
            for (TextSegment segment : splitter.split(Document.from(document.text()))) {
                if (texts.size() >= max) {
                    return texts;
                }
                texts.add(segment.text());
            }
        }
        return texts;
    }

    private static @Nullable Retrieval retrieval(
            TunedOnnxModel embedder,
            PgVectorEmbeddingStore store,
            List<LabelledQuestion> labelled,
            int k,
            int documents) {
        int hits = 0;
        double reciprocal = 0;
        for (LabelledQuestion q : labelled) {
            EmbeddingSearchResult<TextSegment> result = store.search(EmbeddingSearchRequest.builder()
                    .queryEmbedding(embedder.embed(q.question()).content())
                    .maxResults(k)
                    .build());
            List<EmbeddingMatch<TextSegment>> matches = result.matches();
            for (int rank = 0; rank < matches.size(); rank++) {
                String name = matches.get(rank).embedded().metadata().getString("document");
                if (q.documentName().equals(name)) {
                    hits++;
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
        }
        return new Retrieval(
                "COVID-QA dev, gold paper among the top k of a store of " + documents + " documents",
                labelled.size(),
                k,
                (double) hits / labelled.size(),
                reciprocal / labelled.size());
    }

    private String resource() {
        return switch (model) {
            case BGE_SMALL_EN_V15_Q -> "bge-small-en-v1.5-q";
            case ALL_MINILM_L6_V2_Q -> "all-minilm-l6-v2-q";
        };
    }

    private PoolingMode pooling() {
        return model == InProcessModel.BGE_SMALL_EN_V15_Q ? PoolingMode.CLS : PoolingMode.MEAN;
    }
}
