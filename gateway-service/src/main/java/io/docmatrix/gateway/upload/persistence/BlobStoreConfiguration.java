package io.docmatrix.gateway.upload.persistence;

import io.docmatrix.gateway.upload.BlobStore;
import io.docmatrix.gateway.upload.UploadProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file-system blob store is the default claim-check store; a cluster without shared disks uses an S3 store. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(UploadProperties properties) {
        return new FileSystemBlobStore(properties.blobRoot());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
