package io.docmatrix.eval.clauses;

import io.docmatrix.eval.corpus.SourceDocument;
import io.docmatrix.eval.scoring.StableHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CUAD-style folder: {@code manifest.jsonl} ({@code contract_id, txt}), the contract texts, and {@code clauses.jsonl}
 * (one row per contract and category: {@code has_clause} and gold {@code spans[{start, end, text}]} in code points,
 * converted to UTF-16 indices here and checked against the text).
 */
record CuadDataset(List<Contract> contracts, Set<String> categories, int spansRelocated, int spansDropped) {

    static CuadDataset load(Path folder, String collection) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (JsonNode row : jsonLines(json, folder.resolve("manifest.jsonl"))) {
            String id = row.path("contract_id").asString();
            String text = read(folder.resolve(row.path("txt").asString()));
            contracts.put(
                    id,
                    new Contract(new SourceDocument(id, id, fileName(id), text, collection), new LinkedHashMap<>()));
        }
        Set<String> categories = new LinkedHashSet<>();
        int relocated = 0;
        int dropped = 0;
        for (JsonNode row : jsonLines(json, folder.resolve("clauses.jsonl"))) {
            Contract contract = contracts.get(row.path("contract_id").asString());
            if (contract == null) {
                continue;
            }
            String category = row.path("category").asString();
            categories.add(category);
            List<GoldSpan> spans = new ArrayList<>();
            String text = contract.document().text();
            // Code-point offsets equal UTF-16 indices unless the text has surrogate pairs: checked once per row.
            boolean bmpOnly = text.length() == text.codePointCount(0, text.length());
            for (JsonNode span : row.path("spans")) {
                GoldSpan gold = GoldSpan.locate(
                        text,
                        bmpOnly,
                        span.path("text").asString(""),
                        span.path("start").asInt(-1),
                        span.path("end").asInt(-1));
                if (gold == null) {
                    dropped++;
                } else {
                    spans.add(gold);
                    relocated += gold.relocated() ? 1 : 0;
                }
            }
            contract.gold()
                    .put(
                            key(category),
                            new GoldCategory(category, row.path("has_clause").asBoolean(false), spans));
        }
        return new CuadDataset(List.copyOf(contracts.values()), categories, relocated, dropped);
    }

    /** Category names compared without case, spaces or punctuation: "Rofr/Rofo/Rofn" = "ROFR_ROFO_ROFN". */
    static String key(String category) {
        return category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** 0 (fold A) or 1 (fold B), by a stable hash of the contract id. */
    static int fold(String contractId) {
        return (int) (StableHash.of("cuad-fold", contractId) % 2);
    }

    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<JsonNode> jsonLines(JsonMapper json, Path file) {
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A contract and its gold labels by category key. */
    record Contract(SourceDocument document, Map<String, GoldCategory> gold) {

        String id() {
            return document.key();
        }
    }

    record GoldCategory(String category, boolean present, List<GoldSpan> spans) {}

    /** A gold clause span in UTF-16 indices of the contract text. */
    record GoldSpan(int start, int end, String text, boolean relocated) {

        static @org.jspecify.annotations.Nullable GoldSpan locate(
                String document, boolean bmpOnly, String text, int cpStart, int cpEnd) {
            int codePoints = bmpOnly ? document.length() : document.codePointCount(0, document.length());
            if (cpStart >= 0 && cpEnd >= cpStart && cpEnd <= codePoints) {
                int start = bmpOnly ? cpStart : document.offsetByCodePoints(0, cpStart);
                int end = bmpOnly ? cpEnd : document.offsetByCodePoints(start, cpEnd - cpStart);
                if (text.isEmpty() || document.substring(start, end).equals(text)) {
                    return new GoldSpan(start, end, document.substring(start, end), false);
                }
            }
            if (text.isEmpty()) {
                return null;
            }
            int at = document.indexOf(text);
            return at < 0 ? null : new GoldSpan(at, at + text.length(), text, true);
        }
    }
}
