package io.docmatrix.runtime.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the gateway's identity headers on every request and, when they are valid, exposes the caller as a request
 * attribute for {@link CallerIdentityArgumentResolver}. Invalid or absent headers leave the request anonymous: an
 * endpoint that needs a caller then answers 401, one that does not (token issuance, JWKS) proceeds.
 */
final class CallerIdentityFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = CallerIdentity.class.getName();

    /**
     * MDC keys of the request's log lines (top-level fields of the ECS JSON logs, beside trace.id and span.id). The
     * ECS format nests dotted keys, so no key may be the parent of another: with {@code tenant} beside
     * {@code tenant.id} the encoder refused every line of every authenticated request ("Duplicate nested pairs added
     * under 'tenant'") and those lines were lost (found by the abuse suite's log scan, which saw no line of a caller).
     */
    static final String MDC_TENANT = "tenant.slug";

    static final String MDC_TENANT_ID = "tenant.id";
    static final String MDC_REQUEST_ID = "request.id";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final int MAX_REQUEST_ID_LENGTH = 128;

    private final IdentityHeaders headers;
    private final Clock clock;

    CallerIdentityFilter(IdentityHeaders headers, Clock clock) {
        this.headers = headers;
        this.clock = clock;
    }

    private static String truncate(String value) {
        return value.length() <= MAX_REQUEST_ID_LENGTH ? value : value.substring(0, MAX_REQUEST_ID_LENGTH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CallerIdentity> caller =
                headers.verify(request::getHeader, request.getMethod(), request.getRequestURI(), clock.instant());
        caller.ifPresent(identity -> request.setAttribute(ATTRIBUTE, identity));
        // The gateway sets the request id; the tenant is only trusted from verified headers.
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        try (MDC.MDCCloseable tenant = caller.map(c -> MDC.putCloseable(MDC_TENANT, c.tenant()))
                        .orElse(null);
                MDC.MDCCloseable tenantId = caller.map(c ->
                                MDC.putCloseable(MDC_TENANT_ID, c.tenantId().toString()))
                        .orElse(null);
                MDC.MDCCloseable id = requestId == null || requestId.isBlank()
                        ? null
                        : MDC.putCloseable(MDC_REQUEST_ID, truncate(requestId))) {
            chain.doFilter(request, response);
        }
    }
}
