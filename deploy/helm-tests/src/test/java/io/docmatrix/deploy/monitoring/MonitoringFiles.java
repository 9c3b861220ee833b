package io.docmatrix.deploy.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** deploy/monitoring: the alert rules, the dashboards and the list of metric names they use. */
final class MonitoringFiles {

    static final Path DIRECTORY = locate();
    static final Path ALERTS = DIRECTORY.resolve("alerts.yml");
    static final Path DASHBOARDS = DIRECTORY.resolve("dashboards");
    static final Path METRICS = DIRECTORY.resolve("metrics.txt");
    static final Path PENDING = DIRECTORY.resolve("metrics-pending.txt");
    static final Path CHART_COPY = DIRECTORY.resolve("../helm/docmatrix/files/alerts.yml");

    private MonitoringFiles() {}

    /** Parses YAML (and JSON, a subset of it) refusing duplicate keys, which Prometheus and Grafana reject too. */
    static Object load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(options).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Object> document = (Map<String, Object>) load(ALERTS);
        for (Object group : (List<Object>) document.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                rules.add((Map<String, Object>) rule);
            }
        }
        return rules;
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PromQL expressions of a dashboard's panels (targets), by panel title. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> panelExpressions(Path dashboard) {
        Map<String, List<String>> expressions = new TreeMap<>();
        Map<String, Object> document = (Map<String, Object>) load(dashboard);
        for (Object panel : (List<Object>) document.get("panels")) {
            Map<String, Object> p = (Map<String, Object>) panel;
            List<String> exprs = new ArrayList<>();
            for (Object target : (List<Object>) p.getOrDefault("targets", List.of())) {
                exprs.add(String.valueOf(((Map<String, Object>) target).get("expr")));
            }
            expressions.put(String.valueOf(p.get("title")), exprs);
        }
        return expressions;
    }

    /** Every metric name the alert rules and the dashboards query. */
    static Set<String> referencedMetrics() {
        Set<String> names = new TreeSet<>();
        alertRules().forEach(rule -> names.addAll(PromQl.metricNames(String.valueOf(rule.get("expr")))));
        for (Path dashboard : dashboards()) {
            panelExpressions(dashboard).values().stream()
                    .flatMap(List::stream)
                    .forEach(expr -> names.addAll(PromQl.metricNames(expr)));
        }
        return names;
    }

    /** The names listed in a metrics file: one per line, {@code #} comments and blank lines ignored. */
    static Set<String> listed(Path file) {
        try {
            Set<String> names = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Tests run from the module directory (Maven) or the repository root (an IDE).
    private static Path locate() {
        for (Path candidate : List.of(Path.of("../monitoring"), Path.of("deploy/monitoring"))) {
            if (Files.isRegularFile(candidate.resolve("alerts.yml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "deploy/monitoring not found from " + Path.of("").toAbsolutePath());
    }
}
