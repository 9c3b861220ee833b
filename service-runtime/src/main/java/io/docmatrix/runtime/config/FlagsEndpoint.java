package io.docmatrix.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/flags}: this service's feature flags as in force now. Like every actuator endpoint it is
 * served on the service's own port, inside the cluster; clients see the flags of all services through the gateway's
 * ADMIN-only {@code GET /api/v1/admin/features}.
 */
@Endpoint(id = "flags")
public class FlagsEndpoint {

    private final String service;
    private final List<FeatureFlags> flags;

    public FlagsEndpoint(String service, List<FeatureFlags> flags) {
        this.service = service;
        this.flags = flags;
    }

    /** The service's name and its flags. */
    public record Features(String service, Map<String, Boolean> flags) {}

    @ReadOperation
    public Features features() {
        Map<String, Boolean> all = new TreeMap<>();
        flags.forEach(source -> all.putAll(source.current()));
        return new Features(service, all);
    }
}
