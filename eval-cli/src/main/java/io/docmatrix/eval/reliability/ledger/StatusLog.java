package io.docmatrix.eval.reliability.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every HTTP status the harness saw, per request kind, and each answer that breaks the outage contract: a 5xx other
 * than 503, or a 503 without {@code Retry-After}.
 */
public final class StatusLog {

    private static final int MAX_EXAMPLES = 20;

    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private long violationCount;

    /** A status, or {@code "connection-error"}/{@code "timeout"} when there was none. */
    public synchronized void record(String kind, String status, boolean retryAfter, String detail) {
        counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1L, Long::sum);
        if (breaksContract(status, retryAfter)) {
            violationCount++;
            if (violations.size() < MAX_EXAMPLES) {
                violations.add(kind + " " + status + (retryAfter ? "" : " (no Retry-After)") + ": " + detail);
            }
        }
    }

    static boolean breaksContract(String status, boolean retryAfter) {
        if (!status.matches("\\d{3}")) {
            return false;
        }
        int code = Integer.parseInt(status);
        return code >= 500 && (code != 503 || !retryAfter);
    }

    public synchronized Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((kind, byStatus) -> copy.put(kind, new TreeMap<>(byStatus)));
        return copy;
    }

    public synchronized long violationCount() {
        return violationCount;
    }

    public synchronized List<String> violationExamples() {
        return List.copyOf(violations);
    }
}
