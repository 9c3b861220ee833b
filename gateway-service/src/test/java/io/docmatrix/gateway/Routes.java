package io.docmatrix.gateway;

import java.util.List;
import java.util.Set;

/**
 * The role matrix as the issue states it, written out independently of the gateway's AccessMatrix so a mistake there
 * shows up as a failing test: each route with a concrete path and the roles that may call it.
 */
final class Routes {

    static final Set<String> EVERY_ROLE = Set.of("VIEWER", "ANALYST", "ADMIN", "PLATFORM_ADMIN");
    static final Set<String> ANALYST_UP = Set.of("ANALYST", "ADMIN", "PLATFORM_ADMIN");
    static final Set<String> ADMIN_UP = Set.of("ADMIN", "PLATFORM_ADMIN");
    static final Set<String> PLATFORM = Set.of("PLATFORM_ADMIN");
    static final Set<String> NOBODY = Set.of();

    record Route(String method, String path, Set<String> allowed) {

        /** Uploads are answered by the gateway itself (the intake), not proxied to a service. */
        boolean handledByGateway() {
            return method.equals("POST") && path.equals("/api/v1/documents");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> PROTECTED = List.of(
            new Route("GET", "/api/v1/documents", EVERY_ROLE),
            new Route("GET", "/api/v1/documents/d-1", EVERY_ROLE),
            new Route("GET", "/api/v1/documents/d-1/analysis", EVERY_ROLE),
            new Route("GET", "/api/v1/search?q=term", EVERY_ROLE),
            new Route("POST", "/api/v1/search", EVERY_ROLE),
            new Route("POST", "/api/v1/query", EVERY_ROLE),
            new Route("POST", "/api/v1/query/stream", EVERY_ROLE),
            new Route("GET", "/api/v1/comparisons/c-1", EVERY_ROLE),
            new Route("GET", "/api/v1/playbooks", EVERY_ROLE),
            new Route("GET", "/api/v1/analysis-settings", EVERY_ROLE),
            new Route("POST", "/api/v1/auth/password", EVERY_ROLE),
            new Route("POST", "/api/v1/documents", ANALYST_UP),
            new Route("POST", "/api/v1/documents/d-1/reprocess", ANALYST_UP),
            new Route("POST", "/api/v1/comparisons", ANALYST_UP),
            new Route("POST", "/api/v1/documents/d-1/analysis/rerun", ANALYST_UP),
            new Route("DELETE", "/api/v1/documents/d-1", ADMIN_UP),
            new Route("GET", "/api/v1/users", ADMIN_UP),
            new Route("POST", "/api/v1/users", ADMIN_UP),
            new Route("DELETE", "/api/v1/users/u-1", ADMIN_UP),
            new Route("GET", "/api/v1/api-keys", ADMIN_UP),
            new Route("POST", "/api/v1/api-keys", ADMIN_UP),
            new Route("PUT", "/api/v1/playbooks/p-1", ADMIN_UP),
            new Route("PUT", "/api/v1/analysis-settings", ADMIN_UP),
            new Route("POST", "/api/v1/clause-exemplars", ADMIN_UP),
            new Route("DELETE", "/api/v1/clause-exemplars", ADMIN_UP),
            new Route("GET", "/api/v1/clause-exemplars/stats", ADMIN_UP),
            new Route("POST", "/api/v1/tenants", PLATFORM),
            new Route("POST", "/api/v1/auth/signing-keys/rotate", PLATFORM),
            new Route("DELETE", "/api/v1/search", NOBODY),
            new Route("PATCH", "/api/v1/documents/d-1", NOBODY));

    private Routes() {}
}
