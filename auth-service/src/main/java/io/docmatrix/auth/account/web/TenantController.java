package io.docmatrix.auth.account.web;

import io.docmatrix.auth.account.Tenant;
import io.docmatrix.auth.account.Tenants;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tenants")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @PostMapping("/api/v1/tenants")
    @Operation(summary = "Create a tenant with its first administrator (PLATFORM_ADMIN only)")
    ResponseEntity<TenantResponse> create(CallerIdentity caller, @Valid @RequestBody CreateTenant request) {
        Tenant tenant = tenants.create(caller, request.name(), request.adminUsername(), request.adminPassword());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id()))
                .body(new TenantResponse(tenant.id(), tenant.name()));
    }

    record CreateTenant(@NotBlank String name, @NotBlank String adminUsername, @NotNull String adminPassword) {}

    record TenantResponse(UUID id, String name) {}
}
