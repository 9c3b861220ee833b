package io.docmatrix.eval.abuse;

import java.util.List;
import java.util.Map;

/**
 * The JSON result of one suite.
 *
 * @param suite uploads, isolation, sqli, tokens or injection
 * @param profile smoke or full
 * @param passed no violation
 * @param violations how many promises were broken (all of them, even past the listed ones)
 * @param durationMillis wall-clock time of the suite
 * @param counts what the suite tried and saw, by name
 * @param latency every probe's answer time
 * @param listed the first violations, with what was sent and what came back
 */
public record SuiteResult(
        String suite,
        String profile,
        boolean passed,
        long violations,
        long durationMillis,
        Map<String, Long> counts,
        Tally.Latency latency,
        List<Tally.Violation> listed) {}
