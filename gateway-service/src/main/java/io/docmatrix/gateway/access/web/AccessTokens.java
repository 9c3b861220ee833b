package io.docmatrix.gateway.access.web;

import io.docmatrix.gateway.config.GatewayProperties;
import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Access tokens are validated here, locally, against auth's published keys: RS256 only (so {@code none}, HMAC
 * signed with the public key and other algorithms never reach a verifier), then issuer, audience, {@code exp} and
 * {@code nbf} within the clock skew, the {@code at+jwt} header type, the {@code typ=access} claim, and the identity
 * claims the services rely on. Every failure is the same 401; only an outage of auth's JWKS becomes 503.
 */
final class AccessTokens implements ReactiveAuthenticationManager {

    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");

    private final ReactiveJwtDecoder decoder;

    AccessTokens(JwksCache keys, GatewayProperties.Security settings) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .validateType(false)
                .build();
        nimbus.setJwtValidator(validator(settings));
        this.decoder = nimbus;
    }

    static OAuth2TokenValidator<Jwt> validator(GatewayProperties.Security settings) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        JwtTypeValidator type = new JwtTypeValidator(ACCESS_TOKEN_TYPES);
        type.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience()),
                type,
                // Refresh or ID tokens signed with the same key must not pass as access tokens.
                new JwtClaimValidator<Object>("typ", "access"::equals),
                AccessTokens::hasCallerClaims));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return decoder.decode(token)
                .<Authentication>map(jwt -> new CallerAuthentication(caller(jwt)))
                // One message for every reason, so the response tells an attacker nothing about which check failed.
                .onErrorMap(BadJwtException.class, e -> new InvalidBearerTokenException("invalid token", e))
                .onErrorMap(
                        e -> !(e instanceof AuthenticationException),
                        e -> new AuthenticationServiceException("signing keys unavailable", e));
    }

    private static CallerIdentity caller(Jwt jwt) {
        return new CallerIdentity(
                UUID.fromString(jwt.getClaimAsString("tenant")),
                jwt.getClaimAsString("tenant_slug"),
                jwt.getSubject(),
                jwt.getClaimAsString("name"),
                new HashSet<>(jwt.getClaimAsStringList("roles")),
                AuthKind.USER);
    }

    private static OAuth2TokenValidatorResult hasCallerClaims(Jwt jwt) {
        boolean valid = notBlank(jwt.getSubject())
                && isUuid(jwt.getClaimAsString("tenant"))
                && notBlank(jwt.getClaimAsString("tenant_slug"))
                && notBlank(jwt.getClaimAsString("name"))
                && jwt.getClaims().get("roles") instanceof Collection<?>;
        return valid
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
