package io.docmatrix.bench.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-text documents of an evaluation folder (CUAD contracts, COVID-QA papers). An absent folder is an empty corpus,
 * never an error: the bench must run where the evaluation data is not installed.
 */
public final class CorpusFolders {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusFolders.class);

    private CorpusFolders() {}

    /** At most {@code limit} {@code .txt} files of {@code folder}, in name order. */
    public static List<CorpusDocument> textFiles(Path folder, int limit) {
        if (!Files.isDirectory(folder)) {
            LOG.info("corpus folder {} absent: skipped", folder);
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> chosen = files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .limit(limit)
                    .toList();
            List<CorpusDocument> documents = new ArrayList<>(chosen.size());
            for (Path file : chosen) {
                byte[] bytes = Files.readAllBytes(file);
                documents.add(new CorpusDocument(
                        file.getFileName().toString(), "text/plain", new String(bytes, StandardCharsets.UTF_8), bytes));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
