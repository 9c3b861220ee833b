package io.docmatrix.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.DatabaseTarget;
import io.docmatrix.bench.corpus.ContractGenerator;
import io.docmatrix.bench.corpus.CorpusDocument;
import io.docmatrix.bench.report.Results.Peer;
import io.docmatrix.embedding.InProcessModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The peer for real: LangChain4j's splitter, the ONNX model and the pgvector store on the test PostgreSQL. */
class LangChainPeerIT {

    private static final DatabaseTarget DB = new DatabaseTarget(
            // The same test database settings the services' test configurations read.
            "jdbc:postgresql://" + System.getenv().getOrDefault("DOCMATRIX_TEST_PG_HOST", "127.0.0.1") + ":"
                    + System.getenv().getOrDefault("DOCMATRIX_TEST_PG_PORT", "5433") + "/"
                    + System.getenv().getOrDefault("DOCMATRIX_TEST_DB", "docmatrix_query_test"),
            "docmatrix_test",
            "",
            "bench_peer");

    @AfterAll
    static void dropSchema() throws Exception {
        DB.dropSchema();
    }

    @Test
    void storesOneVectorPerSegmentAndNoSegmentExceedsTheChunkSize() throws Exception {
        List<CorpusDocument> corpus = new ContractGenerator(3, 400).contracts(2);

        Peer peer = new LangChainPeer(InProcessModel.BGE_SMALL_EN_V15_Q, 2, 120, 20, DB)
                .run(corpus, List.of(), Duration.ofMinutes(2));

        assertThat(peer.documents()).isEqualTo(2);
        assertThat(peer.segments()).isGreaterThan(4);
        assertThat(peer.tokens()).isLessThanOrEqualTo(120L * peer.segments());
        assertThat(peer.chunksPerS()).isPositive();
        try (Connection c = DB.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*), min(vector_dims(embedding)) FROM " + LangChainPeer.TABLE)) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(peer.segments());
            assertThat(rs.getInt(2)).isEqualTo(384);
        }
        for (String segment : LangChainPeer.segments(corpus, InProcessModel.BGE_SMALL_EN_V15_Q, 120, 20, 1000)) {
            assertThat(InProcessModel.BGE_SMALL_EN_V15_Q.tokenizer().countTokens(segment))
                    .isLessThanOrEqualTo(120);
        }
    }
}
