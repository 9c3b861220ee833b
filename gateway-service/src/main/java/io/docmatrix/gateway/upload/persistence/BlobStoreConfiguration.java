package io.docmatrix.gateway.upload.persistence;

import io.docmatrix.blob.BlobStoreKind;
import io.docmatrix.blob.S3ObjectStore;
import io.docmatrix.blob.S3Settings;
import io.docmatrix.gateway.upload.BlobStore;
import io.docmatrix.gateway.upload.UploadProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The claim-check store: the file system by default, an S3-compatible bucket for clusters without a shared volume
 * ({@code gateway.uploads.blobs.store=s3}). Either way uploads are staged below {@code gateway.uploads.blob-root}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreConfiguration.BlobStoreProperties.class)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(UploadProperties uploads, BlobStoreProperties blobs) {
        return switch (blobs.store()) {
            case FILESYSTEM -> new FileSystemBlobStore(uploads.blobRoot());
            case S3 ->
                new S3BlobStore(
                        new S3ObjectStore(blobs.s3(), "gateway-blobs"),
                        uploads.blobRoot().resolve(".staging"));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * @param store where committed uploads go
     * @param s3 the bucket and how to reach it; application.yml fills it from {@code DOCMATRIX_S3_*} variables
     */
    @Validated
    @ConfigurationProperties("gateway.uploads.blobs")
    record BlobStoreProperties(
            @DefaultValue("filesystem") @NotNull BlobStoreKind store, @NotNull @Valid S3Settings s3) {

        @AssertTrue(message = "gateway.uploads.blobs.s3.bucket must be set when the store is s3")
        boolean isBucketSetForS3() {
            return store != BlobStoreKind.S3 || s3.hasBucket();
        }
    }
}
