package io.docmatrix.gateway.admin;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One service's feature flags as it reported them, or why it could not.
 *
 * @param service the service's name, e.g. {@code query-service}
 * @param status {@code UP} when the service answered, {@code UNAVAILABLE} when it did not in time or failed
 * @param flags flag name (as configured, e.g. {@code query.features.llm-answers}) to whether it is on; empty when
 *     unavailable
 * @param detail why the service is unavailable (timeout, refused, its status code); null when up
 */
public record ServiceFeatures(String service, Status status, Map<String, Boolean> flags, @Nullable String detail) {

    public enum Status {
        UP,
        UNAVAILABLE
    }

    public static ServiceFeatures up(String service, Map<String, Boolean> flags) {
        return new ServiceFeatures(service, Status.UP, Map.copyOf(flags), null);
    }

    public static ServiceFeatures unavailable(String service, String detail) {
        return new ServiceFeatures(service, Status.UNAVAILABLE, Map.of(), detail);
    }
}
