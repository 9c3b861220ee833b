package io.docmatrix.gateway.access.web;

import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last step before a request leaves for a service: adds the client's address (auth throttles logins on it) and,
 * for an authenticated caller, the signed identity headers. It runs after the URL to forward to is final, and signs
 * that URL's method and raw path, which is exactly what the service verifies. Client-sent {@code X-DocMatrix-*}
 * headers were already removed by the edge filter before authentication.
 *
 * <p>Credentials stop here for every service but auth: services trust the signed identity, so an API key or token
 * has no reason to travel further.
 */
@Component
class IdentitySigningFilter implements GlobalFilter, Ordered {

    static final String CLIENT_ADDRESS = IdentityHeaders.PREFIX + "Client-Address";
    private static final String AUTH_ROUTE = "auth";

    private final IdentityHeaders identityHeaders;
    private final Clock clock;

    IdentitySigningFilter(IdentityHeaders identityHeaders) {
        this.identityHeaders = identityHeaders;
        this.clock = Clock.systemUTC();
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(CallerAuthentication.class::isInstance)
                .map(principal -> Optional.of(((CallerAuthentication) principal).caller()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> chain.filter(
                        exchange.mutate().request(forwarded(exchange, caller)).build()));
    }

    private ServerHttpRequest forwarded(ServerWebExchange exchange, Optional<CallerIdentity> caller) {
        ServerHttpRequest request = exchange.getRequest();
        URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        String path = target != null ? target.getRawPath() : request.getURI().getRawPath();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        boolean toAuth = route != null && AUTH_ROUTE.equals(route.getId());
        Map<String, String> identity = caller.map(
                        c -> identityHeaders.sign(c, request.getMethod().name(), path, clock.instant()))
                .orElse(Map.of());
        return request.mutate()
                .headers(headers -> {
                    headers.set(CLIENT_ADDRESS, clientAddress(request));
                    identity.forEach(headers::set);
                    if (!toAuth) {
                        headers.remove(HttpHeaders.AUTHORIZATION);
                    }
                })
                .build();
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
