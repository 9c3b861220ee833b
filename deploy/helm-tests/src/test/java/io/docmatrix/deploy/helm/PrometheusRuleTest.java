package io.docmatrix.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The chart's PrometheusRule is deploy/monitoring/alerts.yml, scoped to the release and tuned by values. */
class PrometheusRuleTest {

    @Test
    void rendersEveryRuleOfTheAlertsFileScopedToTheReleaseAndNamespace() throws Exception {
        Map<String, String> source = expressionsOf(sourceRules());

        Map<String, String> rendered = expressionsOf(renderedRules(List.of(Chart.PRODUCTION_VALUES)));

        assertThat(rendered.keySet()).containsExactlyElementsOf(source.keySet());
        rendered.forEach((alert, expr) -> {
            assertThat(expr).as(alert).doesNotContain("job=~\"docmatrix-.+\"");
            assertThat(expr).as(alert).contains("namespace=\"" + Chart.NAMESPACE + "\", job=~\"dm-docmatrix-.+\"");
            assertThat(expr.replace("namespace=\"docmatrix\", job=~\"dm-docmatrix-.+\"", "job=~\"docmatrix-.+\""))
                    .as("%s differs from alerts.yml only by its scope under default values", alert)
                    .isEqualTo(source.get(alert));
        });
    }

    @Test
    void thresholdsAndRunbookLinksComeFromValues(@TempDir Path directory) throws Exception {
        // A values file, not --set: helm-java passes --set values as strings, which the schema refuses for numbers.
        Path values = directory.resolve("thresholds.yaml");
        Files.writeString(
                values,
                """
                monitoring:
                  rules:
                    errorRatio: 0.2
                    latencyP95Seconds: 7
                    consumerLagRecords: 5000
                    slotLagBytes: 2147483648
                    runbookBaseUrl: https://wiki.example/ops
                """);

        List<Object> rules = renderedRules(List.of(Chart.PRODUCTION_VALUES, values));

        Map<String, String> rendered = expressionsOf(rules);
        assertThat(rendered.get("DocmatrixHighErrorRate")).contains("> 0.2").doesNotContain("> 0.05");
        assertThat(rendered.get("DocmatrixHighLatencyP95")).contains("> 7").doesNotContain("> 2\n");
        assertThat(rendered.get("DocmatrixConsumerLagGrowing"))
                .contains("> 5000")
                .doesNotContain("> 1000");
        assertThat(rendered.get("DocmatrixReplicationSlotLag")).contains("> 2147483648");
        assertThat(rules)
                .extracting(rule -> String.valueOf(Yamls.at(rule, "annotations.runbook_url")))
                .allMatch(url -> url.startsWith("https://wiki.example/ops#alert-"));
    }

    private static List<Object> renderedRules(List<Path> valuesFiles) {
        List<Manifest> manifests = Chart.render(valuesFiles, Map.of());
        return Yamls.list(Yamls.at(
                HelmChartTest.only(manifests, "PrometheusRule", "dm-docmatrix")
                        .list("spec.groups")
                        .get(0),
                "rules"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sourceRules() throws Exception {
        Map<String, Object> document =
                new Yaml().load(Files.readString(Chart.DIRECTORY.resolve("../../monitoring/alerts.yml")));
        return Yamls.list(
                ((Map<String, Object>) Yamls.list(document.get("groups")).get(0)).get("rules"));
    }

    private static Map<String, String> expressionsOf(List<Object> rules) {
        Map<String, String> expressions = new LinkedHashMap<>();
        rules.forEach(rule ->
                expressions.put(String.valueOf(Yamls.at(rule, "alert")), String.valueOf(Yamls.at(rule, "expr"))));
        return expressions;
    }
}
