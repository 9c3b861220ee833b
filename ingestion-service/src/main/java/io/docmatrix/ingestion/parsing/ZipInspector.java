package io.docmatrix.ingestion.parsing;

import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks a zip container (DOCX, ODT, ...) before any parser opens it. Sizes declared in a zip can lie, so the entries
 * are actually inflated and counted, with the budget enforced while reading: a bomb costs at most the budget.
 */
final class ZipInspector {

    private static final long RATIO_FLOOR_BYTES = 1L << 20;
    private static final List<String> ARCHIVE_SUFFIXES =
            List.of(".zip", ".jar", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".docx", ".odt", ".epub");
    /**
     * Office writes charts and OLE objects as nested packages here. They are never opened (embedded documents are not
     * parsed), so they only count towards the size budget instead of failing every DOCX with a chart.
     */
    private static final List<String> OFFICE_EMBEDDINGS =
            List.of("word/embeddings/", "ppt/embeddings/", "xl/embeddings/", "word/charts/", "Object ");

    private final int maxEntries;
    private final long maxUncompressedBytes;
    private final int maxRatio;

    ZipInspector(int maxEntries, long maxUncompressedBytes, int maxRatio) {
        this.maxEntries = maxEntries;
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxRatio = maxRatio;
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    Optional<Failed> inspect(byte[] content) {
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > maxEntries) {
                return fail("zip has " + entries.size() + " entries, limit " + maxEntries);
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                boolean embedding = OFFICE_EMBEDDINGS.stream().anyMatch(entry.getName()::startsWith);
                if (!embedding && hasArchiveName(entry.getName())) {
                    return fail("nested archive " + entry.getName());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    boolean first = true;
                    while ((n = in.read(buffer)) > 0) {
                        if (first && !embedding && n >= 4 && isZip(buffer)) {
                            return fail("nested archive " + entry.getName());
                        }
                        first = false;
                        total += n;
                        if (total > maxUncompressedBytes) {
                            return fail("expands to more than " + maxUncompressedBytes + " bytes");
                        }
                        if (total > RATIO_FLOOR_BYTES && total / Math.max(1, content.length) > maxRatio) {
                            return fail("expands more than " + maxRatio + " times");
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Failed(ParseFailure.UNPARSEABLE_DOCUMENT, "corrupt zip container: " + e));
        }
    }

    private static boolean hasArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static Optional<Failed> fail(String detail) {
        return Optional.of(new Failed(ParseFailure.ARCHIVE_LIMIT_EXCEEDED, detail));
    }
}
