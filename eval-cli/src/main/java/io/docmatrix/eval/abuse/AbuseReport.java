package io.docmatrix.eval.abuse;

import java.util.List;
import java.util.Map;

/** The human-readable summary of a run: one table row per suite, then its counts and first violations. */
final class AbuseReport {

    private AbuseReport() {}

    static String markdown(String runId, boolean smoke, List<SuiteResult> results) {
        StringBuilder md = new StringBuilder("# Abuse run ")
                .append(runId)
                .append(" (")
                .append(smoke ? "smoke" : "full")
                .append(")\n\n| suite | result | violations | probes | p50 ms | p99 ms | max ms | seconds |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (SuiteResult r : results) {
            md.append(String.format(
                    "| %s | %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    r.suite(),
                    r.passed() ? "passed" : "FAILED",
                    r.violations(),
                    r.latency().probes(),
                    r.latency().p50Ms(),
                    r.latency().p99Ms(),
                    r.latency().maxMs(),
                    r.durationMillis() / 1000.0));
        }
        for (SuiteResult r : results) {
            md.append("\n## ").append(r.suite()).append("\n\n");
            for (Map.Entry<String, Long> count : r.counts().entrySet()) {
                md.append("- ")
                        .append(count.getKey())
                        .append(": ")
                        .append(count.getValue())
                        .append('\n');
            }
            if (!r.listed().isEmpty()) {
                md.append("\nViolations (first ").append(r.listed().size()).append("):\n\n");
                r.listed().forEach(v -> md.append("- **")
                        .append(v.kind())
                        .append("** ")
                        .append(v.subject().replace("\n", "\\n"))
                        .append(": ")
                        .append(v.detail().replace("\n", "\\n"))
                        .append('\n'));
            }
        }
        return md.toString();
    }
}
