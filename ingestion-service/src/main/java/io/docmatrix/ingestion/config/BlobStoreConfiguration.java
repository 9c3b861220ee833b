package io.docmatrix.ingestion.config;

import io.docmatrix.blob.BlobStoreKind;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.blob.S3Settings;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore;
import io.docmatrix.ingestion.blob.persistence.FileSystemBlobStore;
import io.docmatrix.ingestion.blob.persistence.S3BlobStore;
import io.docmatrix.ingestion.blob.persistence.StoreRoutingBlobStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway's claim-check blobs are read from: each by the store its reference names. The file-system store is
 * always there (the default, and documents uploaded before a switch); the S3 store is added with
 * {@code ingestion.blobs.store=s3}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreConfiguration.BlobProperties.class)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(BlobProperties properties) {
        Map<String, BlobStore> stores = new HashMap<>();
        stores.put(BlobReference.FILESYSTEM, new FileSystemBlobStore(properties.root()));
        if (properties.store() == BlobStoreKind.S3) {
            stores.put(BlobReference.S3, new S3BlobStore(new S3ObjectStore(properties.s3(), "ingestion-blobs")));
        }
        return new StoreRoutingBlobStore(stores);
    }

    /**
     * @param root the directory the gateway's file-system blob store writes to
     * @param store {@code s3} to read S3 references too (the gateway writes to S3)
     * @param s3 the bucket and how to reach it; application.yml fills it from {@code DOCMATRIX_S3_*} variables
     */
    @Validated
    @ConfigurationProperties("ingestion.blobs")
    record BlobProperties(
            @NotNull Path root,
            @DefaultValue("filesystem") @NotNull BlobStoreKind store,
            @NotNull @Valid S3Settings s3) {

        @AssertTrue(message = "ingestion.blobs.s3.bucket must be set when the store is s3")
        boolean isBucketSetForS3() {
            return store != BlobStoreKind.S3 || s3.hasBucket();
        }
    }
}
