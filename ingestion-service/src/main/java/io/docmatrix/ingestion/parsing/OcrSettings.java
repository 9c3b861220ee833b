package io.docmatrix.ingestion.parsing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * OCR of scanned pages with Tesseract. Pages of a PDF without a text layer are rendered and read by Tesseract inside
 * the parser worker, so OCR shares the worker's time limit and is killed with it. Without Tesseract (or with OCR
 * disabled) such documents fail with {@code OCR_REQUIRED}.
 *
 * @param enabled OCR when Tesseract is found; false fails scans with {@code OCR_REQUIRED} even where it is installed
 * @param tesseractPath the tesseract executable; null means the first {@code tesseract} on the PATH
 * @param language Tesseract language codes, e.g. {@code eng} or {@code eng+deu} (each needs its traineddata package)
 */
public record OcrSettings(boolean enabled, @Nullable Path tesseractPath, String language) {

    public static OcrSettings defaults() {
        return new OcrSettings(true, null, "eng");
    }

    public static OcrSettings disabled() {
        return new OcrSettings(false, null, "eng");
    }

    /** The executable OCR would run, when OCR is enabled and Tesseract is installed. */
    public Optional<Path> tesseract() {
        if (!enabled) {
            return Optional.empty();
        }
        if (tesseractPath != null) {
            return Files.isExecutable(tesseractPath) ? Optional.of(tesseractPath) : Optional.empty();
        }
        return onPath("tesseract");
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
