package io.docmatrix.ingestion.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingestion workers.
 *
 * @param maxFileSize the largest blob a worker will fetch and parse
 * @param parseTimeout a parse taking longer is killed and the document fails with {@code PARSE_TIMEOUT}
 * @param stuckAfter a document in a non-final state for longer is retried or failed
 * @param chunking chunk size and overlap, in tokens of the embedding model
 * @param parsing further hard limits of a parse
 * @param embedding which model embeds chunks, and how
 */
@Validated
@ConfigurationProperties("ingestion")
public record IngestionProperties(
        @DefaultValue("50MB") @NotNull DataSize maxFileSize,
        @DefaultValue("60s") @NotNull Duration parseTimeout,
        @DefaultValue("10m") @NotNull Duration stuckAfter,
        @DefaultValue @Valid Chunking chunking,
        @DefaultValue @Valid Parsing parsing,
        @DefaultValue @Valid Embedding embedding) {

    /**
     * @param targetTokens chunk size; capped at the model's window (MiniLM 128 including special tokens)
     * @param overlapTokens whole trailing sentences of the previous chunk repeated, at most this many tokens
     * @param maxChunks a document cut into more chunks fails with {@code TEXT_LIMIT_EXCEEDED} before it is embedded:
     *     embedding runs at about 100 chunks/s per instance, so this bounds how long one document holds a worker
     */
    public record Chunking(
            @DefaultValue("120") @Min(16) int targetTokens,
            @DefaultValue("20") @Min(0) int overlapTokens,
            @DefaultValue("10000") @Min(1) int maxChunks) {}

    /**
     * @param maxChars extracted text beyond this fails the document
     * @param maxPages more pages fail the document
     * @param maxZipEntries DOCX/ODT with more zip entries are refused
     * @param maxUncompressed DOCX/ODT expanding to more are refused
     * @param maxCompressionRatio DOCX/ODT expanding by a larger factor are refused
     * @param workerHeap heap of the parser worker JVM
     * @param ocr OCR of scanned pages with Tesseract
     */
    public record Parsing(
            @DefaultValue("5000000") @Min(1) int maxChars,
            @DefaultValue("2000") @Min(1) int maxPages,
            @DefaultValue("5000") @Min(1) int maxZipEntries,
            @DefaultValue("512MB") @NotNull DataSize maxUncompressed,
            @DefaultValue("200") @Min(2) int maxCompressionRatio,
            @DefaultValue("512MB") @NotNull DataSize workerHeap,
            @DefaultValue @Valid Ocr ocr) {}

    /**
     * @param enabled OCR pages without a text layer when Tesseract is installed (deploy/local/provision installs
     *     Debian's {@code tesseract-ocr}); false fails scans with {@code OCR_REQUIRED}. OCR runs inside the parser
     *     worker, so {@code ingestion.parse-timeout} bounds it: docs/ingestion.md has the cost per page.
     * @param tesseractPath the tesseract executable; empty means the first {@code tesseract} on the PATH
     * @param language Tesseract language codes ({@code eng}, {@code eng+deu}); each needs its traineddata package
     */
    public record Ocr(
            @DefaultValue("true") boolean enabled,
            @Nullable Path tesseractPath,
            @DefaultValue("eng") @NotBlank @Pattern(regexp = "[a-z_]+(\\+[a-z_]+)*") String language) {}

    /**
     * @param provider {@code in-process} (ONNX in this JVM) or {@code remote} (an OpenAI-compatible endpoint)
     * @param model the in-process model: {@code bge-small-en-v1.5-q} (default: better retrieval, measured in
     *     docs/ingestion.md) or {@code all-minilm-l6-v2-q} (about twice as fast)
     * @param threads in-process workers, one ONNX Runtime thread each; match the cores
     */
    public record Embedding(
            @DefaultValue("in-process") @NotBlank String provider,
            @DefaultValue("bge-small-en-v1.5-q") @NotBlank String model,
            @DefaultValue("2") @Min(1) @Max(64) int threads,
            @DefaultValue @Valid Remote remote) {}

    /**
     * @param apiKey from the environment ({@code DOCMATRIX_EMBEDDING_API_KEY}), never from the repository
     * @param maxTokens the remote model's input limit, counted with the in-process model's tokenizer
     */
    public record Remote(
            @DefaultValue("http://127.0.0.1:8000") @NotNull URI baseUrl,
            @DefaultValue("text-embedding-3-small") @NotBlank String model,
            @Nullable String apiKey,
            @DefaultValue("1536") @Min(1) int dimension,
            @DefaultValue("512") @Min(16) int maxTokens,
            @DefaultValue("30s") @NotNull Duration timeout,
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("64") @Min(1) int batchSize,
            @DefaultValue("4") @Min(1) int maxConcurrentCalls) {}
}
