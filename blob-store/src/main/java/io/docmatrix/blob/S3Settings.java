package io.docmatrix.blob;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach an S3-compatible object store. Services embed it in their validated configuration properties (with
 * their own defaults); credentials come from the environment, never from the repository.
 *
 * @param endpoint the store's URL (MinIO, Ceph, S3Mock, ...); empty for AWS S3 itself, found from the region
 * @param region the signing region; S3-compatible servers mostly accept any
 * @param bucket the bucket holding all blobs; must exist (provisioning creates it, the services never do)
 * @param accessKeyId with {@code secretAccessKey}: static credentials; when empty the SDK's default chain is used
 *     (environment {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, web identity, instance profile)
 * @param secretAccessKey the secret of {@code accessKeyId}
 * @param pathStyle path-style URLs ({@code endpoint/bucket/key}); most S3-compatible servers need them
 * @param connectTimeout to open a connection; a store that is down fails within it
 * @param attemptTimeout one request, including reading the body; bounds a hung connection
 * @param maxAttempts tries of one operation on transient errors (I/O, 5xx, throttling); 1 means no retry
 * @param initialBackoff wait before the second try, doubled for each later one
 * @param failureRateThreshold per cent of failed calls (of the last 20, once 10 were made) that opens the breaker
 * @param openFor how long an open breaker fails calls at once before letting a trial call through
 */
public record S3Settings(
        @Nullable URI endpoint,
        @NotBlank String region,
        @Nullable String bucket,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        boolean pathStyle,
        @NotNull Duration connectTimeout,
        @NotNull Duration attemptTimeout,
        @Min(1) int maxAttempts,
        @NotNull Duration initialBackoff,
        @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
        @NotNull Duration openFor) {

    public S3Settings {
        // An unset endpoint arrives from configuration as an empty URI; it means "AWS itself", like null.
        if (endpoint != null && endpoint.toString().isBlank()) {
            endpoint = null;
        }
    }

    /** Settings for a local S3-compatible server with static credentials, as tests and the local platform use. */
    public static S3Settings local(URI endpoint, String bucket, String accessKeyId, String secretAccessKey) {
        return new S3Settings(
                endpoint,
                "us-east-1",
                bucket,
                accessKeyId,
                secretAccessKey,
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                3,
                Duration.ofMillis(200),
                50,
                Duration.ofSeconds(30));
    }

    /** True when a bucket is named; a service selecting the S3 store fails to start without one. */
    public boolean hasBucket() {
        return bucket != null && !bucket.isBlank();
    }

    /** True when static credentials are given in full (both parts). */
    public boolean hasStaticCredentials() {
        return accessKeyId != null && !accessKeyId.isBlank() && secretAccessKey != null && !secretAccessKey.isBlank();
    }

    public S3Settings withMaxAttempts(int attempts) {
        return new S3Settings(
                endpoint,
                region,
                bucket,
                accessKeyId,
                secretAccessKey,
                pathStyle,
                connectTimeout,
                attemptTimeout,
                attempts,
                initialBackoff,
                failureRateThreshold,
                openFor);
    }
}
