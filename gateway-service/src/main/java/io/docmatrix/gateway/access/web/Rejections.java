package io.docmatrix.gateway.access.web;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * How security rejects a request. Each handler sets only the headers the status needs and hands a
 * {@link ResponseStatusException} to the one problem+json writer, so the body has a stable code
 * (UNAUTHENTICATED, FORBIDDEN, SERVICE_UNAVAILABLE) and never carries the reason a token failed.
 */
final class Rejections {

    private final ErrorWebExceptionHandler problems;

    Rejections(ErrorWebExceptionHandler problems) {
        this.problems = problems;
    }

    /** 401 with RFC 6750's challenge; the {@code invalid_token} error only when credentials were presented. */
    ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, error) -> {
            String challenge = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    ? "Bearer error=\"invalid_token\""
                    : "Bearer realm=\"docmatrix\"";
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            return problems.handle(exchange, new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        };
    }

    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> problems.handle(exchange, new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** Bad credentials are 401; auth or its keys being unreachable is 503, which clients retry, never a 500. */
    ServerAuthenticationFailureHandler failure() {
        ServerAuthenticationEntryPoint unauthenticated = unauthenticated();
        return (webFilterExchange, error) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            if (error instanceof AuthenticationServiceException) {
                return problems.handle(exchange, new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE));
            }
            return unauthenticated.commence(exchange, error);
        };
    }
}
