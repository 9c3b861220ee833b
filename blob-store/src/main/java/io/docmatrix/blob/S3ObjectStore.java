package io.docmatrix.blob;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * One bucket of an S3-compatible object store, reached with the AWS SDK v2 (blocking Apache HTTP client, path-style
 * URLs by default). Every call is bounded by the connect and attempt timeouts, retried with exponential backoff on
 * transient errors only (I/O, timeouts, 5xx, throttling), and passes a circuit breaker, so a store that is down costs
 * callers a fast {@link ObjectStoreException.Unavailable} instead of a hang. The SDK's own retries are off: one retry
 * layer, whose attempts and waits the settings state.
 *
 * <p>Keys follow {@link BlobKeys}; a key breaking them is refused before any request.
 */
public final class S3ObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String description;
    private final Retry retry;
    private final CircuitBreaker breaker;

    /** @param name names the retry and breaker in logs, e.g. {@code gateway-blobs} */
    public S3ObjectStore(S3Settings settings, String name) {
        if (!settings.hasBucket()) {
            throw new IllegalArgumentException("the S3 blob store needs a bucket");
        }
        this.bucket = Objects.requireNonNull(settings.bucket());
        this.description = "s3 bucket " + bucket + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
        this.s3 = client(settings);
        this.retry = Retry.of(
                name,
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                        .retryOnException(S3ObjectStore::isTransient)
                        .failAfterMaxAttempts(false)
                        .build());
        this.breaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(settings.failureRateThreshold())
                        .waitDurationInOpenState(settings.openFor())
                        .recordException(S3ObjectStore::isTransient)
                        .build());
        retry.getEventPublisher()
                .onRetry(event -> log.warn(
                        "{} call failed (attempt {}), retrying in {}: {}",
                        description,
                        event.getNumberOfRetryAttempts(),
                        event.getWaitInterval(),
                        String.valueOf(event.getLastThrowable())));
    }

    /** Stores a file under {@code key}, streaming it from disk with its length known up front. */
    public void putFile(String key, Path file) throws ObjectStoreException {
        BlobKeys.requireValid(key);
        call("write " + key, () -> {
            long length = Files.size(file);
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength(length), RequestBody.fromFile(file));
            return null;
        });
    }

    /** The whole object; callers check sizes before (objects are at most the upload limit). */
    public byte[] read(String key) throws ObjectStoreException {
        BlobKeys.requireValid(key);
        return call(
                "read " + key,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }

    /** True when an object exists under {@code key}. */
    public boolean exists(String key) throws ObjectStoreException {
        BlobKeys.requireValid(key);
        try {
            call("look up " + key, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
            return true;
        } catch (ObjectStoreException.NotFound e) {
            return false;
        }
    }

    /** Removes the object; removing one that is gone is not an error (S3 answers deletes of missing keys with 204). */
    public void delete(String key) throws ObjectStoreException {
        BlobKeys.requireValid(key);
        call("delete " + key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /** The bucket's name, for references and logs. */
    public String bucket() {
        return bucket;
    }

    private <T> T call(String what, CheckedSupplier<T> action) throws ObjectStoreException {
        CheckedSupplier<T> guarded =
                Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker, action));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new ObjectStoreException.Unavailable(
                    "cannot " + what + " in " + description + ": circuit breaker open after repeated failures", e);
        } catch (NoSuchKeyException e) {
            throw new ObjectStoreException.NotFound("no object " + what.substring(what.indexOf(' ') + 1), e);
        } catch (SdkServiceException e) {
            if (e.statusCode() == 404) {
                throw new ObjectStoreException.NotFound("no object " + what.substring(what.indexOf(' ') + 1), e);
            }
            throw new ObjectStoreException.Unavailable(
                    "cannot " + what + " in " + description + ": HTTP " + e.statusCode() + " " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new ObjectStoreException.Unavailable(
                    "cannot " + what + " in " + description + " (after "
                            + retry.getRetryConfig().getMaxAttempts() + " attempts): " + e.getMessage(),
                    e);
        } catch (ObjectStoreException e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof Error error) {
                throw error;
            }
            throw new ObjectStoreException.Unavailable("cannot " + what + " in " + description + ": " + e, e);
        }
    }

    /** Worth another try: the request never got an answer, or the store said it is overloaded or broken. */
    static boolean isTransient(Throwable e) {
        if (e instanceof SdkServiceException service) {
            return service.statusCode() >= 500 || service.statusCode() == 429 || service.isThrottlingException();
        }
        return e instanceof SdkClientException;
    }

    private static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // Only checksums the operation requires: many S3-compatible servers reject the SDK's newer defaults.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .connectionAcquisitionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.attemptTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.attemptTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    Objects.requireNonNull(settings.accessKeyId()),
                    Objects.requireNonNull(settings.secretAccessKey())));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void close() {
        s3.close();
    }
}
