package io.docmatrix.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsOfAnExpressionButNotItsFunctionsLabelsOrKeywords() {
        String expression =
                "histogram_quantile(0.95, sum by (application, le) (rate(http_server_requests_seconds_bucket"
                        + "{job=~\"docmatrix-.+\", uri!~\".*/(events|progress)\"}[5m]))) > 2"
                        + " and on (application) up == 1 unless max without (pod) (foo_total offset 5m) > 1e9";

        assertThat(PromQl.metricNames(expression))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up", "foo_total");
    }

    @Test
    void notesUnbalancedBrackets() {
        assertThat(PromQl.balanced("sum(rate(x{a=\"(\"}[5m]))")).isTrue();
        assertThat(PromQl.balanced("sum(rate(x[5m])")).isFalse();
        assertThat(PromQl.balanced("sum(rate(x[5m)))")).isFalse();
    }
}
