package io.docmatrix.analysis.clause;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CUAD's 41 clause categories with their calibrated thresholds, read from {@code clauses/categories.tsv}. */
public final class ClauseCategories {

    /**
     * @param threshold the score (see {@link ClauseScoring}) a span must reach against the built-in exemplars
     * @param learnedThreshold the same against the tenant's learned exemplars
     */
    public record Category(String name, double threshold, double learnedThreshold, String description) {}

    private static final ClauseCategories BUILT_IN = load("clauses/categories.tsv");

    private final Map<String, Category> byName;

    private ClauseCategories(Map<String, Category> byName) {
        this.byName = byName;
    }

    public static ClauseCategories builtIn() {
        return BUILT_IN;
    }

    public List<Category> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<Category> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isKnown(String name) {
        return byName.containsKey(name);
    }

    /** The same categories with other thresholds (calibration experiments); unknown names are ignored. */
    public ClauseCategories withThresholds(Map<String, Double> thresholds, Map<String, Double> learnedThresholds) {
        Map<String, Category> copy = new LinkedHashMap<>();
        byName.forEach((name, c) -> copy.put(
                name,
                new Category(
                        name,
                        thresholds.getOrDefault(name, c.threshold()),
                        learnedThresholds.getOrDefault(name, c.learnedThreshold()),
                        c.description())));
        return new ClauseCategories(copy);
    }

    static List<String[]> readTsv(String resource, int columns) {
        try (InputStream in = ClauseCategories.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", columns);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns in: " + line);
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClauseCategories load(String resource) {
        Map<String, Category> byName = new LinkedHashMap<>();
        for (String[] row : readTsv(resource, 4)) {
            byName.put(row[0], new Category(row[0], Double.parseDouble(row[1]), Double.parseDouble(row[2]), row[3]));
        }
        return new ClauseCategories(byName);
    }
}
