package io.docmatrix.gateway.edge.web;

import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.gateway.edge.RequestIds;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * First filter of every exchange, ahead of security: it removes every {@code X-DocMatrix-*} header the client sent
 * (only the gateway may speak for a caller, and nothing after this point may see a forged one), settles the request
 * id, refuses bodies over the limit with 413, and writes the security headers when the response commits, so they
 * cover the gateway's own errors and the services' responses alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeFilter implements WebFilter {

    static final String REQUEST_ID = "X-Request-Id";
    private static final String PREFIX = IdentityHeaders.PREFIX.toLowerCase(Locale.ROOT);
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    // Swagger UI is a page with scripts, styles and images of its own origin; it still may not be framed.
    private static final String DOCS_CSP =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    private static final List<String> DOCS_PATHS = List.of("/swagger-ui", "/webjars/");

    private final long maxBodyBytes;
    private final long maxUploadBytes;

    EdgeFilter(GatewayProperties properties) {
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        // The upload limit is the file's size; the request around it also carries the multipart framing and the
        // metadata part, so the edge allows one JSON body's worth more. The intake holds the file part itself to
        // the limit byte for byte (a file exactly at the limit is accepted, one byte more is 413).
        this.maxUploadBytes = properties.maxUploadSize().toBytes() + maxBodyBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest original = exchange.getRequest();
        String requestId = RequestIds.accept(original.getHeaders().getFirst(REQUEST_ID));
        String path = original.getPath().value();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            securityHeaders(response.getHeaders(), path);
            response.getHeaders().set(REQUEST_ID, requestId);
            return Mono.empty();
        });

        long limit = isUpload(original) ? maxUploadBytes : maxBodyBytes;
        if (original.getHeaders().getContentLength() > limit) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
        }
        ServerHttpRequest cleaned = original.mutate()
                .headers(headers -> {
                    List<String> forged = headers.headerNames().stream()
                            .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                            .toList();
                    forged.forEach(headers::remove);
                    headers.set(REQUEST_ID, requestId);
                })
                .build();
        return chain.filter(
                exchange.mutate().request(new LimitedBody(cleaned, limit)).build());
    }

    private static boolean isUpload(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && "/api/v1/documents".equals(request.getPath().value());
    }

    private static void securityHeaders(HttpHeaders headers, String path) {
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        boolean docs = DOCS_PATHS.stream().anyMatch(path::startsWith);
        headers.set("Content-Security-Policy", docs ? DOCS_CSP : API_CSP);
    }

    /** Counts a body sent without (or with a false) Content-Length and fails once it passes the limit. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
