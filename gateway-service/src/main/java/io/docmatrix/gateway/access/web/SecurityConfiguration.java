package io.docmatrix.gateway.access.web;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.JWKSet;
import io.docmatrix.gateway.access.Access;
import io.docmatrix.gateway.access.AccessMatrix;
import io.docmatrix.gateway.access.AccessRule;
import io.docmatrix.gateway.access.ApiKeys;
import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.gateway.config.ProblemJsonErrorHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The gateway's security filter chain: stateless (no session, no CSRF token since no cookie authenticates), bearer
 * access tokens and API keys as the only credentials, and {@link AccessMatrix} as the only authorization. Security
 * headers are written by the edge filter for every response, including those of the services, so Spring Security's
 * own header writer is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            GatewayProperties properties,
            ObjectProvider<WebClient.Builder> webClients,
            CircuitBreakerRegistry breakers,
            ProblemJsonErrorHandler problems) {
        Rejections rejections = new Rejections(problems);
        // Boot 4 moved WebClient's auto-configuration to spring-boot-webclient, which this build does not carry yet;
        // use its (observed) builder when present.
        WebClient.Builder webClient = webClients.getIfAvailable(WebClient::builder);
        GatewayProperties.Security settings = properties.security();
        JwksCache jwks = new JwksCache(
                () -> fetchJwks(webClient, properties),
                Clock.systemUTC(),
                settings.jwksMinRefetchInterval(),
                settings.jwksMaxAge());
        ApiKeys apiKeys = new ApiKeys(
                new AuthServiceClient(
                        webClient,
                        properties.services().auth(),
                        settings.apiKeyVerifyTimeout(),
                        breakers.circuitBreaker("auth-api-keys")),
                settings.apiKeyCacheTtl(),
                settings.apiKeyNegativeCacheTtl(),
                Ticker.systemTicker());

        // Public endpoints ignore credentials: a client refreshing with an expired access token still attached
        // must reach auth instead of getting 401 from the gateway.
        ServerWebExchangeMatcher publicPaths = new OrServerWebExchangeMatcher(AccessMatrix.RULES.stream()
                .filter(rule -> rule.access() instanceof Access.Public)
                .map(SecurityConfiguration::matcher)
                .toList());
        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(ApiKeyAuthentication.manager(apiKeys));
        apiKeyFilter.setServerAuthenticationConverter(unlessPublic(publicPaths, ApiKeyAuthentication.converter()));
        apiKeyFilter.setAuthenticationFailureHandler(rejections.failure());
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(cors -> cors.configurationSource(cors(properties.cors())))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(rejections.unauthenticated())
                        .accessDeniedHandler(rejections.forbidden()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(unlessPublic(publicPaths, new ServerBearerTokenAuthenticationConverter()))
                        .jwt(jwt -> jwt.authenticationManager(new AccessTokens(jwks, settings)))
                        .authenticationEntryPoint(rejections.unauthenticated())
                        .accessDeniedHandler(rejections.forbidden())
                        .authenticationFailureHandler(rejections.failure()))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> {
                    for (AccessRule rule : AccessMatrix.RULES) {
                        apply(exchanges.matchers(matcher(rule)), rule.access());
                    }
                    // Outside the API (unknown paths end in 404 from the gateway's router).
                    exchanges.anyExchange().permitAll();
                })
                .build();
    }

    private static Mono<JWKSet> fetchJwks(WebClient.Builder webClient, GatewayProperties properties) {
        return webClient
                .clone()
                .build()
                .get()
                .uri(properties.services().auth().resolve("/.well-known/jwks.json"))
                .retrieve()
                .bodyToMono(String.class)
                .timeout(properties.security().apiKeyVerifyTimeout())
                .handle((json, sink) -> {
                    try {
                        sink.next(JWKSet.parse(json));
                    } catch (ParseException e) {
                        sink.error(new IllegalStateException("auth served an unreadable JWKS", e));
                    }
                });
    }

    private static ServerAuthenticationConverter unlessPublic(
            ServerWebExchangeMatcher publicPaths, ServerAuthenticationConverter converter) {
        return exchange -> publicPaths
                .matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : converter.convert(exchange));
    }

    private static ServerWebExchangeMatcher matcher(AccessRule rule) {
        String[] paths = rule.paths().toArray(String[]::new);
        if (rule.methods().isEmpty()) {
            return ServerWebExchangeMatchers.pathMatchers(paths);
        }
        List<ServerWebExchangeMatcher> perMethod = rule.methods().stream()
                .map(method -> ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(method), paths))
                .toList();
        return new OrServerWebExchangeMatcher(perMethod);
    }

    private static void apply(AuthorizeExchangeSpec.Access spec, Access access) {
        if (access instanceof Access.Public) {
            spec.permitAll();
        } else if (access instanceof Access.AnyCaller) {
            spec.authenticated();
        } else if (access instanceof Access.AtLeast least) {
            spec.hasRole(least.role().name());
        } else {
            spec.denyAll();
        }
    }

    private static CorsConfigurationSource cors(GatewayProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(settings.allowedOrigins());
            api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            api.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "traceparent"));
            api.setExposedHeaders(List.of(
                    "X-Request-Id",
                    "Retry-After",
                    "RateLimit-Limit",
                    "RateLimit-Remaining",
                    "RateLimit-Reset",
                    "RateLimit-Policy",
                    "Location"));
            // Credentials travel in the Authorization header, never in cookies.
            api.setAllowCredentials(false);
            api.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }
}
