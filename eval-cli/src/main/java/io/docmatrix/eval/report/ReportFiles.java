package io.docmatrix.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code report.json} and {@code report.md} (plus optional extra files) into a run's output folder. */
public final class ReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public ReportFiles(Path folder) {
        this.folder = folder;
    }

    /** {@code var/eval/<name>-<UTC timestamp>} unless the user chose a folder. */
    public static Path defaultFolder(String name, ZonedDateTime now) {
        return Path.of("var", "eval", name + "-" + STAMP.format(now.withZoneSameInstant(ZoneOffset.UTC)));
    }

    public Path folder() {
        return folder;
    }

    public void write(Object report, String markdown) {
        writeJson("report.json", report);
        writeText("report.md", markdown);
    }

    public void writeJson(String name, Object value) {
        writeText(name, json.writeValueAsString(value) + "\n");
    }

    public void writeText(String name, String text) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "eval-data/xquad-en/dev" → "xquad-en-dev"; a folder named like a split keeps its parent's name in front. */
    public static String datasetName(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String last = absolute.getFileName() == null
                ? "dataset"
                : absolute.getFileName().toString();
        Path parent = absolute.getParent();
        if (parent != null
                && parent.getFileName() != null
                && List.of("dev", "test", "train", "heldout").contains(last)) {
            return parent.getFileName() + "-" + last;
        }
        return last;
    }
}
