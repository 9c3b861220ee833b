package io.docmatrix.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The hand-written golden JSON samples under {@code src/test/resources/contracts/<topic>/<RecordName>.json}. */
final class GoldenSamples {

    private GoldenSamples() {}

    /** The sample's path relative to the samples folder, e.g. {@code documents.uploads.v1/DocumentUploaded.json}. */
    static String relativePath(EventCatalog.Entry entry) {
        return entry.topic() + "/" + entry.eventClass().getSimpleName() + ".json";
    }

    static String read(EventCatalog.Entry entry) {
        Path sample = directory().resolve(relativePath(entry));
        try {
            return Files.readString(sample, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no golden sample " + sample, e);
        }
    }

    /** The relative paths of every sample file present. */
    static Set<String> all() {
        Path directory = directory();
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        URL url =
                Objects.requireNonNull(GoldenSamples.class.getResource("/contracts"), "no /contracts on the classpath");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
