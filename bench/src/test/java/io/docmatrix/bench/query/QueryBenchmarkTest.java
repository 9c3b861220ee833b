package io.docmatrix.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.bench.corpus.QuestionGenerator;
import io.docmatrix.bench.platform.FakePlatform;
import io.docmatrix.bench.platform.PlatformClient;
import io.docmatrix.bench.report.Results.QueryLoad;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryBenchmarkTest {

    @Test
    void directCallsCarryIdentityHeadersTheServiceAccepts() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            List<QueryLoad> loads = directSearches(platform, FakePlatform.SECRET);

            assertThat(loads).extracting(QueryLoad::endpoint).containsExactly("search", "query");
            assertThat(loads).allSatisfy(load -> {
                assertThat(load.route()).isEqualTo("direct");
                assertThat(load.requests()).isEqualTo(20);
                assertThat(load.errors()).isZero();
            });
            assertThat(platform.verifiedSearches.get()).isEqualTo(40);
        }
    }

    @Test
    void headersSignedWithAnotherSecretAreRefusedAndCountAsErrors() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            List<QueryLoad> loads = directSearches(platform, "another-secret-another-secret-another-secret");

            assertThat(loads).allSatisfy(load -> assertThat(load.errors()).isEqualTo(20));
            assertThat(platform.verifiedSearches.get()).isZero();
        }
    }

    @Test
    void requestsAskTheQuestionWithTopTen() {
        assertThat(QueryBenchmark.body("search", "What is \"net\"?"))
                .isEqualTo("{\"question\":\"What is \\\"net\\\"?\",\"topK\":10}");
    }

    @Test
    void queryRequestsSwitchTheAnswerCacheOff() {
        assertThat(QueryBenchmark.body("query", "What is net?"))
                .isEqualTo("{\"question\":\"What is net?\",\"topK\":10,\"cache\":false}");
    }

    private static List<QueryLoad> directSearches(FakePlatform platform, String secret) throws Exception {
        PlatformClient client = new PlatformClient(platform.url(), Duration.ofSeconds(10));
        client.login("bench", "admin", "secret");
        IdentityHeaders signer = new IdentityHeaders(secret.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        QueryBenchmark bench = new QueryBenchmark(
                client, new QuestionGenerator(1), URI.create(platform.url()), signer, Duration.ofSeconds(20), 20);
        return bench.run(10_000, List.of(), List.of(2));
    }
}
