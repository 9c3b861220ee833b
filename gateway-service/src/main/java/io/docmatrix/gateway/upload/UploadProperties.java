package io.docmatrix.gateway.upload;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Upload intake settings; the size limit itself is {@code gateway.max-upload-size}.
 *
 * @param blobRoot the directory of the file-system blob store
 * @param duplicates what the same bytes uploaded again by the same tenant become, unless the tenant overrides it
 * @param tenantDuplicates per-tenant overrides, keyed by tenant slug
 */
@Validated
@ConfigurationProperties("gateway.uploads")
public record UploadProperties(
        @NotNull Path blobRoot,
        @DefaultValue("RETURN_EXISTING") @NotNull DuplicatePolicy duplicates,
        @DefaultValue Map<String, DuplicatePolicy> tenantDuplicates) {

    public DuplicatePolicy duplicatesFor(String tenant) {
        return tenantDuplicates.getOrDefault(tenant, duplicates);
    }

    /** What identical bytes uploaded again become. */
    public enum DuplicatePolicy {
        /** Answer with the existing document ({@code "duplicate": true}); no second copy is stored. */
        RETURN_EXISTING,
        /** Store and process the upload as a document of its own. */
        ACCEPT
    }
}
