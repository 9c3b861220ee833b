package io.docmatrix.gateway.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.gateway.config.GatewayProperties;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

class EdgeFilterTest {

    private static final long MB = 1024 * 1024;

    // 50 MB uploads and 1 MB JSON bodies, the defaults.
    private final EdgeFilter filter = new EdgeFilter(properties());

    @Test
    void letsAnUploadWhoseFileIsExactlyAtTheLimitPassWithItsMultipartFraming() {
        // Found by the abuse suite: a 50 MB file plus the multipart boundary and part headers was refused at the
        // edge, though the documented limit is the file's size (the intake enforces that byte for byte).
        long request = 50 * MB + 400;

        assertThat(passes(upload(request))).isTrue();
    }

    @Test
    void refusesAnUploadRequestFarOverTheLimitFromItsContentLength() {
        long request = 51 * MB + 1;

        assertThat(refusal(upload(request))).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void keepsTheJsonLimitForEveryOtherRequest() {
        MockServerHttpRequest search = MockServerHttpRequest.post("/api/v1/search")
                .contentLength(MB + 1)
                .build();

        assertThat(refusal(search)).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    private static MockServerHttpRequest upload(long contentLength) {
        return MockServerHttpRequest.post("/api/v1/documents")
                .contentLength(contentLength)
                .build();
    }

    private boolean passes(MockServerHttpRequest request) {
        AtomicBoolean reached = new AtomicBoolean();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
                    reached.set(true);
                    return Mono.empty();
                })
                .block();
        return reached.get();
    }

    private HttpStatus refusal(MockServerHttpRequest request) {
        try {
            filter.filter(MockServerWebExchange.from(request), exchange -> Mono.empty())
                    .block();
        } catch (ResponseStatusException e) {
            return HttpStatus.valueOf(e.getStatusCode().value());
        }
        return HttpStatus.OK;
    }

    private static GatewayProperties properties() {
        Map<String, String> settings = Map.of(
                "gateway.services.auth", "http://127.0.0.1:1",
                "gateway.services.ingestion", "http://127.0.0.1:2",
                "gateway.services.analysis", "http://127.0.0.1:3",
                "gateway.services.query", "http://127.0.0.1:4",
                "gateway.security.issuer", "http://127.0.0.1:8080",
                "gateway.security.audience", "docmatrix-api");
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("gateway", GatewayProperties.class)
                .get();
    }
}
