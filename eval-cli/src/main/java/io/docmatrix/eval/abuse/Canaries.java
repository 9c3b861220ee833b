package io.docmatrix.eval.abuse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Strings planted in one tenant's documents that no other tenant may ever see. Each is unique to the run, so a hit
 * cannot come from an earlier run or from ordinary text.
 */
public record Canaries(List<String> values) {

    public static Canaries forRun(String runId, String... names) {
        return new Canaries(java.util.Arrays.stream(names)
                .map(name -> "CNRY" + runId.toUpperCase(Locale.ROOT) + name.toUpperCase(Locale.ROOT))
                .toList());
    }

    /** The first canary found in {@code text}, ignoring case (a model or a log may change it). */
    public Optional<String> foundIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return values.stream()
                .filter(c -> lower.contains(c.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public String get(int i) {
        return values.get(i);
    }
}
