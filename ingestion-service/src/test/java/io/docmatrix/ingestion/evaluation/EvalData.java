package io.docmatrix.ingestion.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared evaluation data lives: system property {@code docmatrix.eval-data}, else environment variable
 * {@code DOCMATRIX_EVAL_DATA}, else {@code ../shared/eval-data} next to the repository root. The data is never copied
 * into the repository; tests that need it skip themselves when it is absent.
 */
final class EvalData {

    private EvalData() {}

    static Optional<Path> locate() {
        String configured = System.getProperty("docmatrix.eval-data", System.getenv("DOCMATRIX_EVAL_DATA"));
        if (configured != null && !configured.isBlank()) {
            return existing(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("ingestion-service"))) {
                return existing(dir.resolve("../shared/eval-data").normalize());
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path path) {
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
}
