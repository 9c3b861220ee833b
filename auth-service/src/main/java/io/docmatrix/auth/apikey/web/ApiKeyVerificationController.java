package io.docmatrix.auth.apikey.web;

import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.apikey.ApiKeys;
import io.docmatrix.auth.config.AuthProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Called by the gateway for requests carrying an API key. Not routed publicly: the gateway routes only
 * {@code /api/v1/**} and {@code /.well-known/**}, so {@code /internal/**} is reachable inside the platform only.
 */
@RestController
@Tag(name = "Internal")
class ApiKeyVerificationController {

    private final ApiKeys keys;

    ApiKeyVerificationController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/internal/v1/api-keys/verify")
    @Operation(summary = "Verify an API key (gateway only)")
    VerifiedKey verify(@Valid @RequestBody VerifyKey request) {
        return keys.verify(request.key())
                .map(key -> new VerifiedKey(
                        key.keyId(), key.tenantId(), key.tenant(), key.role(), key.prefix(), key.name()))
                .orElseThrow(() -> new AuthProblem(
                        AuthProblem.Kind.UNAUTHENTICATED, "INVALID_API_KEY", "The API key is not valid."));
    }

    record VerifyKey(@NotNull @Size(max = 200) String key) {}

    record VerifiedKey(UUID keyId, UUID tenantId, String tenant, Role role, String prefix, String name) {}
}
