package io.docmatrix.gateway.config;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses URLs no honest client sends (encoded {@code ;}, {@code %} or NUL in the path,
 * {@code ..} segments) with a bare 400 and no body. The abuse suite's SQL-injection payloads in path ids found those
 * answers; every refusal must be problem+json with a stable code like the rest of the API, so they go through the
 * gateway's error handler (code {@code BAD_REQUEST}; the rejection's own message is not shown, it quotes the URL).
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

    private final ProblemJsonErrorHandler problems;

    FirewallRejections(ProblemJsonErrorHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.handle(exchange, new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }
}
