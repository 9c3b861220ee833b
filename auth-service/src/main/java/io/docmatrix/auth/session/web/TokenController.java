package io.docmatrix.auth.session.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.docmatrix.auth.config.AuthProblem;
import io.docmatrix.auth.session.Logins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Tokens")
class TokenController {

    /** Set by the gateway, which strips any client-sent {@code X-DocMatrix-*} header first. */
    static final String CLIENT_ADDRESS = "X-DocMatrix-Client-Address";

    private final Logins logins;

    TokenController(Logins logins) {
        this.logins = logins;
    }

    @PostMapping("/token")
    @Operation(summary = "Log in with tenant, username and password; returns an access and a refresh token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return respond(
                logins.login(request.tenant(), request.username(), request.password(), clientAddress(http)),
                "INVALID_CREDENTIALS");
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; the presented token is used up")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return respond(logins.refresh(request.refreshToken(), clientAddress(http)), "INVALID_REFRESH_TOKEN");
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the refresh token's whole family")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        logins.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TokenResponse> respond(Logins.Outcome outcome, String refusedCode) {
        if (outcome instanceof Logins.Outcome.Issued issued) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(new TokenResponse(
                            issued.tokens().accessToken(),
                            issued.tokens().refreshToken(),
                            "Bearer",
                            issued.tokens().expiresIn()));
        }
        if (outcome instanceof Logins.Outcome.Throttled throttled) {
            throw AuthProblem.throttled(
                    "LOGIN_THROTTLED", "Too many failed logins; try again later.", throttled.retryAfter());
        }
        if (outcome instanceof Logins.Outcome.Reused) {
            throw new AuthProblem(
                    AuthProblem.Kind.UNAUTHENTICATED,
                    "REFRESH_TOKEN_REUSED",
                    "This refresh token was already used; all sessions of this login are revoked.");
        }
        throw new AuthProblem(AuthProblem.Kind.UNAUTHENTICATED, refusedCode, "The credentials are not valid.");
    }

    private static String clientAddress(HttpServletRequest http) {
        String header = http.getHeader(CLIENT_ADDRESS);
        if (header != null && !header.isBlank() && header.length() <= 64) {
            return header.strip();
        }
        return http.getRemoteAddr();
    }

    record LoginRequest(
            @NotNull @Size(max = 63) String tenant,
            @NotNull @Size(max = 64) String username,
            @NotNull @Size(max = 1024) String password) {}

    record RefreshRequest(@JsonProperty("refresh_token") @NotNull @Size(max = 256) String refreshToken) {}

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}
}
