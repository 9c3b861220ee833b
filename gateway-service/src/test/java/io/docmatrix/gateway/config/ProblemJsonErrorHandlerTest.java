package io.docmatrix.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonErrorHandlerTest {

    private final ProblemJsonErrorHandler handler =
            new ProblemJsonErrorHandler(JsonMapper.builder().build());

    @Test
    void answersAnUnreachableServiceWith503AndRetryAfterNever500() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/documents"));

        handler.handle(exchange, new IllegalStateException(new ConnectException("Connection refused: /10.0.0.7:8082")))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"SERVICE_UNAVAILABLE\"")
                .doesNotContain("10.0.0.7")
                .doesNotContain("Exception");
    }

    @Test
    void answersAServiceThatResetTheConnectionMidRequestWith503NotWith500() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/documents"));

        handler.handle(exchange, new IOException("recvAddress(..) failed with error(-104): Connection reset by peer"))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
    }

    @Test
    void answersAMultipartPartWithAMalformedContentTypeWith400NotWith500() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/documents"));
        String garbage = "x/y; charset=\u0000\r\n";

        // What the multipart reader throws for such a part (HttpHeaders#getContentType -> MediaType#parseMediaType).
        Throwable thrown = catchThrowable(() -> MediaType.parseMediaType(garbage));
        handler.handle(exchange, thrown).block();

        assertThat(thrown).isInstanceOf(InvalidMediaTypeException.class);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"code\":\"INVALID_CONTENT_TYPE\"")
                .doesNotContain("charset");
    }

    @Test
    void answersAStalledOrBrokenUpstreamWith503() {
        for (HttpStatus status : new HttpStatus[] {HttpStatus.BAD_GATEWAY, HttpStatus.GATEWAY_TIMEOUT}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/documents"));

            handler.handle(exchange, new ResponseStatusException(status)).block();

            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After"))
                    .isEqualTo("5");
        }
    }

    @Test
    void keepsARetryAfterARejectionAlreadySet() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/search"));
        exchange.getResponse().getHeaders().set("Retry-After", "12");

        handler.handle(exchange, new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE))
                .block();

        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("12");
    }

    @Test
    void closesTheConnectionWhenTheRefusedRequestCarriedABody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/search")
                .contentLength(2_000_000)
                .body("{}"));

        handler.handle(exchange, new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getFirst("Connection")).isEqualTo("close");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }
}
