package io.docmatrix.eval.demo;

import io.docmatrix.eval.corpus.SourceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which documents the demo uploads: a few CUAD contracts when the evaluation data is on the machine (real contracts
 * make the analysis interesting), otherwise the sample documents committed under {@code deploy/local/demo-docs}.
 */
final class DemoDocuments {

    private static final Set<String> TEXT_EXTENSIONS = Set.of(".txt", ".md");

    private DemoDocuments() {}

    /**
     * The {@code count} shortest CUAD dev contracts that have a governing-law clause, so the default question has an
     * answer in every one and the demo stays quick.
     */
    static List<SourceDocument> fromCuad(Path cuadDev, int count) {
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<String> clauseLines = Files.lines(cuadDev.resolve("clauses.jsonl"));
                Stream<String> manifestLines = Files.lines(cuadDev.resolve("manifest.jsonl"))) {
            Set<String> withGoverningLaw = new java.util.HashSet<>();
            clauseLines.filter(l -> !l.isBlank()).map(json::readTree).forEach(row -> {
                if ("Governing Law".equals(row.path("category").asString())
                        && row.path("has_clause").asBoolean(false)) {
                    withGoverningLaw.add(row.path("contract_id").asString());
                }
            });
            List<JsonNode> manifest = manifestLines
                    .filter(l -> !l.isBlank())
                    .map(json::readTree)
                    .filter(row ->
                            withGoverningLaw.contains(row.path("contract_id").asString()))
                    .sorted(Comparator.comparingInt(
                                    (JsonNode row) -> row.path("chars").asInt(Integer.MAX_VALUE))
                            .thenComparing(row -> row.path("contract_id").asString()))
                    .limit(count)
                    .toList();
            List<SourceDocument> documents = new ArrayList<>();
            for (JsonNode row : manifest) {
                String id = row.path("contract_id").asString();
                Path file = cuadDev.resolve(row.path("txt").asString());
                documents.add(new SourceDocument(
                        id, title(id), file.getFileName().toString(), Files.readString(file), "demo"));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cuadDev, e);
        }
    }

    /** Every .txt/.md file of a folder, in name order; the title is the first non-blank line. */
    static List<SourceDocument> fromFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<SourceDocument> documents = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> TEXT_EXTENSIONS.stream()
                            .anyMatch(ext -> f.getFileName().toString().endsWith(ext)))
                    .sorted()
                    .toList()) {
                String text = Files.readString(file);
                String name = file.getFileName().toString();
                String title = text.lines()
                        .map(l -> l.replaceFirst("^#+\\s*", "").strip())
                        .filter(l -> !l.isEmpty())
                        .findFirst()
                        .orElse(name);
                documents.add(new SourceDocument("demo-" + name, title, name, text, "demo"));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    /** "ACME_01_02_2003-EX-10.1-SERVICES AGREEMENT" → "SERVICES AGREEMENT (ACME)": readable in a citation line. */
    static String title(String contractId) {
        String[] parts = contractId.split("-");
        String kind = parts[parts.length - 1].strip();
        String company = contractId.split("_")[0];
        return kind.isEmpty() ? contractId : kind + " (" + company + ")";
    }
}
