package io.docmatrix.analysis.risk;

import io.docmatrix.contracts.analysis.Severity;
import java.util.Collection;

/**
 * The document risk score. Each finding weighs by its severity (INFO 0, LOW 5, MEDIUM 12, HIGH 25, CRITICAL 40, read
 * as "chance in 100 that this issue hurts") and the findings combine like independent risks:
 *
 * <pre>score = 100 × (1 − Π (1 − weight / 100))</pre>
 *
 * so one critical finding scores 40, two score 64, a critical and a high 55; the score only grows with more findings,
 * never passes 100, and does not depend on their order. Rounded to one decimal.
 */
public final class RiskScore {

    private RiskScore() {}

    public static int weight(Severity severity) {
        return switch (severity) {
            case INFO -> 0;
            case LOW -> 5;
            case MEDIUM -> 12;
            case HIGH -> 25;
            case CRITICAL -> 40;
        };
    }

    public static double of(Collection<Finding> findings) {
        double safe = 1.0;
        for (Finding finding : findings) {
            safe *= 1.0 - weight(finding.severity()) / 100.0;
        }
        return Math.round((1.0 - safe) * 1000.0) / 10.0;
    }
}
