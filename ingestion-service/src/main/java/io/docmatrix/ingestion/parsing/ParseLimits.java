package io.docmatrix.ingestion.parsing;

import java.time.Duration;
import java.util.List;

/**
 * Hard limits of a parse. Untrusted documents can be built to exhaust time, memory or disk, so every dimension is
 * bounded; exceeding one fails the document with a stable code instead of hurting the service.
 *
 * @param timeout wall-clock time per document; the worker is killed after it ({@code PARSE_TIMEOUT})
 * @param maxFileBytes larger inputs are refused before parsing ({@code FILE_TOO_LARGE})
 * @param maxChars extracted text beyond this fails the document ({@code TEXT_LIMIT_EXCEEDED})
 * @param maxPages more pages fail the document ({@code PAGE_LIMIT_EXCEEDED})
 * @param maxZipEntries zip-based formats with more entries are refused ({@code ARCHIVE_LIMIT_EXCEEDED})
 * @param maxUncompressedBytes zip-based formats expanding to more are refused
 * @param maxCompressionRatio zip-based formats expanding by a larger factor (past 1 MB) are refused
 * @param workerHeapMb heap of the parser worker JVM; exhausting it fails the document ({@code MEMORY_LIMIT_EXCEEDED})
 * @param workerJvmArgs extra JVM arguments of the worker
 */
public record ParseLimits(
        Duration timeout,
        long maxFileBytes,
        int maxChars,
        int maxPages,
        int maxZipEntries,
        long maxUncompressedBytes,
        int maxCompressionRatio,
        int workerHeapMb,
        List<String> workerJvmArgs) {

    public ParseLimits {
        workerJvmArgs = List.copyOf(workerJvmArgs);
    }

    public static ParseLimits defaults() {
        return new ParseLimits(
                Duration.ofSeconds(60), 50L << 20, 5_000_000, 2_000, 5_000, 512L << 20, 200, 512, List.of());
    }

    public ParseLimits withTimeout(Duration timeout) {
        return new ParseLimits(
                timeout,
                maxFileBytes,
                maxChars,
                maxPages,
                maxZipEntries,
                maxUncompressedBytes,
                maxCompressionRatio,
                workerHeapMb,
                workerJvmArgs);
    }

    public ParseLimits withMaxFileBytes(long bytes) {
        return new ParseLimits(
                timeout,
                bytes,
                maxChars,
                maxPages,
                maxZipEntries,
                maxUncompressedBytes,
                maxCompressionRatio,
                workerHeapMb,
                workerJvmArgs);
    }

    public ParseLimits withWorkerJvmArgs(List<String> args) {
        return new ParseLimits(
                timeout,
                maxFileBytes,
                maxChars,
                maxPages,
                maxZipEntries,
                maxUncompressedBytes,
                maxCompressionRatio,
                workerHeapMb,
                args);
    }
}
