package io.docmatrix.ingestion.config;

import io.docmatrix.ingestion.blob.BlobStore;
import io.docmatrix.ingestion.blob.persistence.FileSystemBlobStore;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/** Where the gateway's claim-check files are read from. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreConfiguration.BlobProperties.class)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(BlobProperties properties) {
        return new FileSystemBlobStore(properties.root());
    }

    /** @param root the directory the gateway's file-system blob store writes to */
    @Validated
    @ConfigurationProperties("ingestion.blobs")
    record BlobProperties(@NotNull Path root) {}
}
