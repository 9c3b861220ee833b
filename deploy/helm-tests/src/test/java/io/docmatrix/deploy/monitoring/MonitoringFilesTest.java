package io.docmatrix.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The alert rules and dashboards parse, their PromQL is well-formed, and every metric they query is listed. */
class MonitoringFilesTest {

    static final Set<String> ALERTS = Set.of(
            "DocmatrixHighErrorRate",
            "DocmatrixHighLatencyP95",
            "DocmatrixConsumerLagGrowing",
            "DocmatrixDocumentsStuck",
            "DocmatrixDeadLetters",
            "DocmatrixReplicationSlotLag",
            "DocmatrixCircuitBreakerOpen",
            "DocmatrixServiceDown");

    static final Set<String> DASHBOARDS = Set.of(
            "platform-overview.json", "ingestion-pipeline.json", "query-quality-latency.json", "tenant-usage.json");

    @Test
    void alertRulesHaveOneAlertPerRunbookSectionEachWithExpressionSeverityAndRunbook() {
        List<Map<String, Object>> rules = MonitoringFiles.alertRules();

        assertThat(rules).extracting(rule -> rule.get("alert")).containsExactlyInAnyOrderElementsOf(ALERTS);
        for (Map<String, Object> rule : rules) {
            String expr = String.valueOf(rule.get("expr"));
            assertThat(PromQl.balanced(expr))
                    .as("brackets of %s", rule.get("alert"))
                    .isTrue();
            assertThat(PromQl.metricNames(expr))
                    .as("metrics of %s", rule.get("alert"))
                    .isNotEmpty();
            assertThat(expr).as("job selector of %s", rule.get("alert")).contains("job=~\"docmatrix-.+\"");
            assertThat(String.valueOf(rule.get("labels"))).containsPattern("severity=(critical|warning)");
            assertThat(String.valueOf(((Map<?, ?>) rule.get("annotations")).get("runbook_url")))
                    .contains("docs/operations.md#alert-");
        }
    }

    @Test
    void theChartRendersAnIdenticalCopyOfTheAlertRules() throws IOException {
        assertThat(Files.readString(MonitoringFiles.CHART_COPY))
                .as("deploy/helm/docmatrix/files/alerts.yml must be a copy of deploy/monitoring/alerts.yml")
                .isEqualTo(Files.readString(MonitoringFiles.ALERTS));
    }

    @Test
    void dashboardsAreGrafanaJsonWithWellFormedQueries() {
        assertThat(MonitoringFiles.dashboards())
                .extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(DASHBOARDS);
        Set<String> uids = new TreeSet<>();
        for (Path dashboard : MonitoringFiles.dashboards()) {
            Map<?, ?> document = (Map<?, ?>) MonitoringFiles.load(dashboard);
            assertThat(document.get("title")).as("title of %s", dashboard).isNotNull();
            assertThat(uids.add(String.valueOf(document.get("uid"))))
                    .as("unique uid of %s", dashboard)
                    .isTrue();
            Map<String, List<String>> panels = MonitoringFiles.panelExpressions(dashboard);
            assertThat(panels).as("panels of %s", dashboard).isNotEmpty();
            panels.forEach((title, expressions) -> {
                assertThat(expressions).as("queries of %s", title).isNotEmpty();
                expressions.forEach(expr -> {
                    assertThat(PromQl.balanced(expr))
                            .as("brackets of %s", title)
                            .isTrue();
                    assertThat(PromQl.metricNames(expr))
                            .as("metrics of %s", title)
                            .isNotEmpty();
                });
            });
        }
    }

    @Test
    void metricsListNamesExactlyTheMetricsTheRulesAndDashboardsQuery() {
        Set<String> listed = new TreeSet<>(MonitoringFiles.listed(MonitoringFiles.METRICS));

        // deploy/local/smoke.d/70-metrics.sh checks each listed name against the running services.
        assertThat(listed).isEqualTo(MonitoringFiles.referencedMetrics());
        assertThat(listed).containsAll(MonitoringFiles.listed(MonitoringFiles.PENDING));
    }
}
