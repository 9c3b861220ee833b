package io.docmatrix.gateway.access;

import java.util.List;
import java.util.Set;

/**
 * Which role may call which route: the single place the gateway's authorization is declared. Rules are tried in order
 * and the first whose method and path match decides, so specific paths come before the patterns that would also match
 * them. Roles are cumulative ({@link Role#withLesserRoles()}): an ADMIN may do what an ANALYST may.
 *
 * <p>Services still check tenant ownership of each resource; this matrix only keeps callers away from whole
 * operations their role never allows.
 */
public final class AccessMatrix {

    private static final Set<String> ANY = Set.of();
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> DELETE = Set.of("DELETE");

    /** The path prefixes the gateway routes to a service; anything under them that no rule names is refused. */
    public static final List<String> ROUTED = List.of(
            "/api/v1/auth/**",
            "/api/v1/tenants",
            "/api/v1/tenants/**",
            "/api/v1/users",
            "/api/v1/users/**",
            "/api/v1/api-keys",
            "/api/v1/api-keys/**",
            "/api/v1/documents",
            "/api/v1/documents/**",
            "/api/v1/comparisons",
            "/api/v1/comparisons/**",
            "/api/v1/playbooks",
            "/api/v1/playbooks/**",
            "/api/v1/clause-exemplars",
            "/api/v1/clause-exemplars/**",
            "/api/v1/analysis-settings",
            "/api/v1/search",
            "/api/v1/query",
            "/api/v1/query/**",
            "/api/v1/admin",
            "/api/v1/admin/**");

    public static final List<AccessRule> RULES = List.of(
            // Logging in cannot need a login; auth throttles these per client address on top of the gateway's limit.
            rule(POST, new Access.Public(), "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout"),
            rule(GET, new Access.Public(), "/.well-known/jwks.json"),
            rule(GET, new Access.Public(), "/actuator/health", "/actuator/health/**", "/actuator/info"),
            // Scraped from inside the cluster; a deployment keeps this path off its ingress.
            rule(GET, new Access.Public(), "/actuator/prometheus"),
            // Re-reads the gateway's configuration (rate limits) from the config server; services behind the gateway
            // expose theirs on their own ports only (deploy/local/refresh). Every other actuator path stays closed.
            rule(POST, new Access.AtLeast(Role.PLATFORM_ADMIN), "/actuator/refresh"),
            rule(ANY, new Access.Nobody(), "/actuator", "/actuator/**"),
            rule(
                    GET,
                    new Access.Public(),
                    "/swagger-ui.html",
                    "/swagger-ui/**",
                    "/webjars/**",
                    "/v3/api-docs",
                    "/v3/api-docs/**"),
            // Platform operations come before the broader auth rules that would also match them.
            rule(
                    ANY,
                    new Access.AtLeast(Role.PLATFORM_ADMIN),
                    "/api/v1/auth/signing-keys",
                    "/api/v1/auth/signing-keys/**"),
            rule(ANY, new Access.AtLeast(Role.PLATFORM_ADMIN), "/api/v1/tenants", "/api/v1/tenants/**"),
            rule(ANY, new Access.AnyCaller(), "/api/v1/auth/password"),
            // Tenant administration; the flags listing shows platform-wide settings, no tenant's data.
            rule(GET, new Access.AtLeast(Role.ADMIN), "/api/v1/admin/features"),
            rule(ANY, new Access.AtLeast(Role.ADMIN), "/api/v1/users", "/api/v1/users/**"),
            rule(ANY, new Access.AtLeast(Role.ADMIN), "/api/v1/api-keys", "/api/v1/api-keys/**"),
            rule(
                    Set.of("PUT", "POST", "DELETE"),
                    new Access.AtLeast(Role.ADMIN),
                    "/api/v1/playbooks",
                    "/api/v1/playbooks/**"),
            // Whether the tenant's documents are analysed automatically (a search-only tenant switches it off).
            rule(Set.of("PUT"), new Access.AtLeast(Role.ADMIN), "/api/v1/analysis-settings"),
            // Learned clause exemplars change how every document of the tenant is labelled.
            rule(ANY, new Access.AtLeast(Role.ADMIN), "/api/v1/clause-exemplars", "/api/v1/clause-exemplars/**"),
            rule(DELETE, new Access.AtLeast(Role.ADMIN), "/api/v1/documents/*"),
            // Work that creates cost: uploads, reprocessing, comparisons, analysis reruns.
            rule(POST, new Access.AtLeast(Role.ANALYST), "/api/v1/documents"),
            rule(POST, new Access.AtLeast(Role.ANALYST), "/api/v1/documents/*/reprocess"),
            rule(
                    POST,
                    new Access.AtLeast(Role.ANALYST),
                    "/api/v1/documents/*/analysis",
                    "/api/v1/documents/*/analysis/**"),
            rule(POST, new Access.AtLeast(Role.ANALYST), "/api/v1/comparisons", "/api/v1/comparisons/**"),
            // Reading.
            rule(
                    GET,
                    new Access.AtLeast(Role.VIEWER),
                    "/api/v1/documents",
                    "/api/v1/documents/**",
                    "/api/v1/comparisons",
                    "/api/v1/comparisons/**",
                    "/api/v1/playbooks",
                    "/api/v1/playbooks/**",
                    "/api/v1/analysis-settings",
                    "/api/v1/search",
                    "/api/v1/query/**"),
            rule(POST, new Access.AtLeast(Role.VIEWER), "/api/v1/search", "/api/v1/query", "/api/v1/query/stream"),
            // Closed by default: a new endpoint behind a routed prefix stays unreachable until it gets a rule here.
            new AccessRule(ANY, ROUTED, new Access.Nobody()),
            // Unknown API paths need a caller too, so the route table cannot be probed anonymously; they end in 404.
            rule(ANY, new Access.AnyCaller(), "/api/**"));

    private AccessMatrix() {}

    private static AccessRule rule(Set<String> methods, Access access, String... paths) {
        return new AccessRule(methods, List.of(paths), access);
    }
}
