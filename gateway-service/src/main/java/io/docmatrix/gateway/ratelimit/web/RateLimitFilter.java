package io.docmatrix.gateway.ratelimit.web;

import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.gateway.ratelimit.Decision;
import io.docmatrix.gateway.ratelimit.Limit;
import io.docmatrix.gateway.ratelimit.RateLimitPolicy;
import io.docmatrix.gateway.ratelimit.RateLimiter;
import io.docmatrix.gateway.ratelimit.RouteClass;
import io.docmatrix.runtime.config.RefreshableProperties;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.observability.TenantTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Charges each request after authentication, so the caller and its tenant are known: one bucket for the caller and
 * one for its tenant, both per route class; separate buckets per tenant keep one tenant's burst from slowing another.
 * Logins are charged to the client address. Every charged response carries {@code RateLimit-*} headers (IETF draft);
 * an empty bucket answers 429 RATE_LIMITED with {@code Retry-After}. Unauthenticated requests other than logins are
 * rejected before this filter or are public reads (health, keys, docs) that cost nothing. Budgets follow the
 * configuration at run time ({@code /actuator/refresh}); the refusal counter's tenant tag is bounded ({@link TenantTags}).
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    // After Spring Security's chain (-100), before routing.
    static final int ORDER = 0;

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final MeterRegistry meters;
    private final TenantTags tenantTags;

    RateLimitFilter(
            RateLimiter limiter,
            RefreshableProperties<GatewayProperties.RateLimits> rateLimits,
            MeterRegistry meters,
            TenantTags tenantTags) {
        this.limiter = limiter;
        this.policy = new RateLimitPolicy(rateLimits);
        this.meters = meters;
        this.tenantTags = tenantTags;
        for (RouteClass routeClass : RouteClass.values()) {
            // Present at zero from startup, so dashboards and the metrics smoke check see it before any refusal.
            rejections(NO_TENANT, routeClass);
        }
    }

    /** The tenant tag of refusals charged to a client address (logins), whose tenant is not known yet. */
    static final String NO_TENANT = TenantTags.NONE;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        RouteClass routeClass =
                RouteClass.of(request.getMethod().name(), request.getPath().value());
        return exchange.getPrincipal()
                .filter(principal ->
                        principal instanceof Authentication a && a.getPrincipal() instanceof CallerIdentity)
                .map(principal -> (CallerIdentity) ((Authentication) principal).getPrincipal())
                .flatMap(caller -> charge(caller, routeClass))
                .switchIfEmpty(Mono.defer(() ->
                        routeClass == RouteClass.LOGIN ? charge(clientAddress(request), routeClass) : Mono.empty()))
                .map(charged -> {
                    writeHeaders(exchange.getResponse().getHeaders(), charged);
                    if (!charged.decision().allowed()) {
                        rejections(charged.tenant(), routeClass).increment();
                    }
                    return charged;
                })
                .flatMap(charged -> charged.decision().allowed()
                        ? chain.filter(exchange)
                        : Mono.<Void>error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS)))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    private Mono<Charged> charge(CallerIdentity caller, RouteClass routeClass) {
        Limit callerLimit = policy.perCaller(routeClass, caller.tenant());
        Limit tenantLimit = policy.perTenant(routeClass, caller.tenant());
        String callerKey = "caller:" + caller.kind() + ":" + caller.subject() + ":" + routeClass.label();
        String tenantKey = "tenant:" + caller.tenantId() + ":" + routeClass.label();
        // The caller's own bucket first: a caller over its budget must not drain its tenant's.
        return limiter.tryAcquire(callerKey, callerLimit)
                .flatMap(own -> own.allowed()
                        ? limiter.tryAcquire(tenantKey, tenantLimit)
                                .map(tenant -> tenant.stricter(own) == tenant
                                        ? new Charged(tenant, tenantLimit, caller.tenant())
                                        : new Charged(own, callerLimit, caller.tenant()))
                        : Mono.just(new Charged(own, callerLimit, caller.tenant())));
    }

    private Mono<Charged> charge(String clientAddress, RouteClass routeClass) {
        Limit limit = policy.perCaller(routeClass, null);
        return limiter.tryAcquire("address:" + clientAddress + ":" + routeClass.label(), limit)
                .map(decision -> new Charged(decision, limit, NO_TENANT));
    }

    private static void writeHeaders(HttpHeaders headers, Charged charged) {
        Decision decision = charged.decision();
        Limit limit = charged.limit();
        headers.set(
                "RateLimit-Policy",
                "\"" + limit.name() + "\";q=" + limit.requests() + ";w="
                        + limit.period().toSeconds() + ";burst=" + limit.capacity());
        headers.set("RateLimit-Limit", Long.toString(decision.limit()));
        headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, decision.retryAfterSeconds())));
        }
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private Counter rejections(String tenant, RouteClass routeClass) {
        return Counter.builder("docmatrix.gateway.rate.limited")
                .description("Requests refused with 429 RATE_LIMITED, per tenant and route class")
                .tag("tenant", tenantTags.of(tenant))
                .tag("route_class", routeClass.label())
                .register(meters);
    }

    private record Charged(Decision decision, Limit limit, String tenant) {}
}
