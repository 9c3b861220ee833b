package io.docmatrix.gateway.access.web;

import io.docmatrix.gateway.access.ApiKeys;
import io.docmatrix.gateway.access.AuthUnavailableException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code Authorization: ApiKey dmx_<prefix>_<secret>}: read from the request, then verified by auth through the cache. */
final class ApiKeyAuthentication {

    private static final String SCHEME = "apikey ";

    private ApiKeyAuthentication() {}

    static ServerAuthenticationConverter converter() {
        return exchange -> Mono.justOrEmpty(presentedKey(exchange)).map(PresentedKey::new);
    }

    static ReactiveAuthenticationManager manager(ApiKeys keys) {
        return authentication -> keys.verify(((PresentedKey) authentication).key)
                .onErrorMap(
                        AuthUnavailableException.class,
                        e -> new AuthenticationServiceException("auth is unavailable", e))
                .flatMap(verdict -> verdict.<Mono<Authentication>>map(
                                key -> Mono.just(new CallerAuthentication(key.caller())))
                        .orElseGet(() -> Mono.error(new BadCredentialsException("invalid API key"))));
    }

    private static @Nullable String presentedKey(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return null;
        }
        String key = header.substring(SCHEME.length()).trim();
        return key.isEmpty() ? "-" : key;
    }

    /** A key as the client sent it, before auth has vouched for it. */
    static final class PresentedKey extends AbstractAuthenticationToken {

        private final String key;

        PresentedKey(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }
    }
}
