package io.docmatrix.runtime.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the gateway's identity headers on every request and, when they are valid, exposes the caller as a request
 * attribute for {@link CallerIdentityArgumentResolver}. Invalid or absent headers leave the request anonymous: an
 * endpoint that needs a caller then answers 401, one that does not (token issuance, JWKS) proceeds.
 */
final class CallerIdentityFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = CallerIdentity.class.getName();

    private final IdentityHeaders headers;
    private final Clock clock;

    CallerIdentityFilter(IdentityHeaders headers, Clock clock) {
        this.headers = headers;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.verify(request::getHeader, request.getMethod(), request.getRequestURI(), clock.instant())
                .ifPresent(caller -> request.setAttribute(ATTRIBUTE, caller));
        chain.doFilter(request, response);
    }
}
