package io.docmatrix.bench.query;

import io.docmatrix.bench.corpus.QuestionGenerator;
import io.docmatrix.bench.platform.PlatformClient;
import io.docmatrix.bench.report.Results.QueryLoad;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closed-loop query load at each concurrency against search and the extractive query endpoint through the gateway,
 * and the same requests straight to query-service (when the identity secret is at hand) to isolate the gateway's
 * cost. Every request asks a question never asked before in the run (see {@link QuestionGenerator}), and query
 * requests switch the answer cache off ({@code "cache": false}), so every answer is computed.
 */
public final class QueryBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(QueryBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformClient client;
    private final QuestionGenerator questions;
    private final @Nullable URI queryService;
    private final @Nullable IdentityHeaders signer;
    private final Duration perLoad;
    private final long maxRequestsPerLoad;
    private long asked;

    public QueryBenchmark(
            PlatformClient client,
            QuestionGenerator questions,
            @Nullable URI queryService,
            @Nullable IdentityHeaders signer,
            Duration perLoad,
            long maxRequestsPerLoad) {
        this.client = client;
        this.questions = questions;
        this.queryService = queryService;
        this.signer = signer;
        this.perLoad = perLoad;
        this.maxRequestsPerLoad = maxRequestsPerLoad;
    }

    /** Runs every load at one data size: per endpoint, through the gateway then directly, at each concurrency. */
    public List<QueryLoad> run(int chunks, List<Integer> clientCounts, List<Integer> directClientCounts)
            throws InterruptedException {
        List<QueryLoad> loads = new ArrayList<>();
        for (String endpoint : List.of("search", "query")) {
            for (int clients : clientCounts) {
                loads.add(load(chunks, endpoint, "gateway", clients));
            }
            if (queryService != null && signer != null) {
                for (int clients : directClientCounts) {
                    loads.add(load(chunks, endpoint, "direct", clients));
                }
            }
        }
        return loads;
    }

    private QueryLoad load(int chunks, String endpoint, String route, int clients) throws InterruptedException {
        String path = "/api/v1/" + endpoint;
        long base = asked;
        QueryLoad result = ClosedLoopLoad.run(chunks, endpoint, route, clients, perLoad, maxRequestsPerLoad, n -> {
            String body = body(endpoint, questions.question(base + n));
            return route.equals("direct")
                    ? client.postDirect(queryService, signer, path, body)
                    : client.postThroughGateway(path, body);
        });
        asked += result.requests() + clients;
        LOG.info(
                "{} {} via {} with {} clients: {} req/s, p50 {} ms, p95 {} ms, {} errors",
                chunks,
                endpoint,
                route,
                clients,
                String.format("%.1f", result.perSecond()),
                result.latency().p50Ms(),
                result.latency().p95Ms(),
                result.errors());
        return result;
    }

    /** The request body; the query endpoint is told to neither read nor write its answer cache. */
    static String body(String endpoint, String question) {
        ObjectNode body = JSON.createObjectNode();
        body.put("question", question);
        body.put("topK", 10);
        if (endpoint.equals("query")) {
            body.put("cache", false);
        }
        return body.toString();
    }
}
