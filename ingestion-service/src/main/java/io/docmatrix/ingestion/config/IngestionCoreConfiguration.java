package io.docmatrix.ingestion.config;

import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import io.docmatrix.embedding.OpenAiCompatibleEmbeddingModel;
import io.docmatrix.embedding.RemoteEmbeddingSettings;
import io.docmatrix.ingestion.chunking.Chunker;
import io.docmatrix.ingestion.parsing.IsolatedDocumentParser;
import io.docmatrix.ingestion.parsing.OcrSettings;
import io.docmatrix.ingestion.parsing.ParseLimits;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The document-processing core (parse, chunk, embed) as beans for the Kafka wiring to call. */
@Configuration(proxyBeanMethods = false)
class IngestionCoreConfiguration {

    /**
     * Also the {@code DocumentParser} port. Lazy, and the worker JVM starts with the first document anyway, so an
     * application context costs no parser process until there is work.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    IsolatedDocumentParser documentParser(IngestionProperties properties) {
        IngestionProperties.Parsing parsing = properties.parsing();
        return new IsolatedDocumentParser(
                new ParseLimits(
                        properties.parseTimeout(),
                        properties.maxFileSize().toBytes(),
                        parsing.maxChars(),
                        parsing.maxPages(),
                        parsing.maxZipEntries(),
                        parsing.maxUncompressed().toBytes(),
                        parsing.maxCompressionRatio(),
                        (int) parsing.workerHeap().toMegabytes(),
                        List.of()),
                new OcrSettings(
                        parsing.ocr().enabled(),
                        parsing.ocr().tesseractPath(),
                        parsing.ocr().language()));
    }

    @Bean
    EmbeddingModel embeddingModel(IngestionProperties properties) {
        IngestionProperties.Embedding embedding = properties.embedding();
        InProcessModel local = InProcessModel.byId(embedding.model());
        return switch (embedding.provider()) {
            case "in-process" -> new OnnxEmbeddingModel(local, embedding.threads());
            case "remote" -> {
                IngestionProperties.Remote remote = embedding.remote();
                yield new OpenAiCompatibleEmbeddingModel(
                        new RemoteEmbeddingSettings(
                                remote.baseUrl(),
                                remote.model(),
                                remote.apiKey(),
                                remote.dimension(),
                                remote.maxTokens(),
                                remote.timeout(),
                                remote.maxAttempts(),
                                remote.initialBackoff(),
                                remote.batchSize(),
                                remote.maxConcurrentCalls(),
                                50f,
                                Duration.ofSeconds(30)),
                        local.tokenizer());
            }
            default -> throw new IllegalArgumentException("ingestion.embedding.provider must be in-process or remote");
        };
    }

    @Bean
    Chunker chunker(EmbeddingModel embeddingModel, IngestionProperties properties) {
        return new Chunker(
                embeddingModel,
                properties.chunking().targetTokens(),
                properties.chunking().overlapTokens(),
                properties.chunking().maxChunks());
    }
}
