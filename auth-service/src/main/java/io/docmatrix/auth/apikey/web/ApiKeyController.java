package io.docmatrix.auth.apikey.web;

import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.apikey.ApiKey;
import io.docmatrix.auth.apikey.ApiKeys;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Machine access keys of the caller's tenant (ADMIN)")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Create an API key; the key is shown in this response only")
    ResponseEntity<CreatedKey> create(CallerIdentity caller, @Valid @RequestBody CreateKey request) {
        ApiKeys.Created created = keys.create(caller, request.name(), request.role());
        ApiKey key = created.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id()))
                .cacheControl(CacheControl.noStore())
                .body(new CreatedKey(
                        key.id(), created.secret(), key.visiblePrefix(), key.role(), key.name(), key.createdAt()));
    }

    @GetMapping
    @Operation(summary = "List the tenant's API keys, without secrets")
    List<KeySummary> list(CallerIdentity caller) {
        return keys.list(caller).stream()
                .map(key -> new KeySummary(
                        key.id(),
                        key.visiblePrefix(),
                        key.role(),
                        key.name(),
                        key.createdBy(),
                        key.createdAt(),
                        key.lastUsedAt(),
                        key.revokedAt()))
                .toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key")
    ResponseEntity<Void> revoke(CallerIdentity caller, @PathVariable UUID id) {
        keys.revoke(caller, id);
        return ResponseEntity.noContent().build();
    }

    record CreateKey(@NotBlank @Size(max = 100) String name, @NotNull Role role) {}

    record CreatedKey(UUID id, String key, String prefix, Role role, String name, Instant createdAt) {}

    record KeySummary(
            UUID id,
            String prefix,
            Role role,
            String name,
            String createdBy,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {}
}
