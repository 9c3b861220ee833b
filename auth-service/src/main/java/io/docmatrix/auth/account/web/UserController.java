package io.docmatrix.auth.account.web;

import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.account.RoleNames;
import io.docmatrix.auth.account.User;
import io.docmatrix.auth.account.UserAdministration;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "User management within the caller's tenant (ADMIN)")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    @PostMapping
    @Operation(summary = "Create a user")
    ResponseEntity<UserResponse> create(CallerIdentity caller, @Valid @RequestBody CreateUser request) {
        User user = users.create(caller, request.username(), request.password(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResponse.of(user));
    }

    @GetMapping
    @Operation(summary = "List the tenant's users")
    List<UserResponse> list(CallerIdentity caller) {
        return users.list(caller).stream().map(UserResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one user")
    UserResponse get(CallerIdentity caller, @PathVariable UUID id) {
        return UserResponse.of(users.get(caller, id));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user and revoke all their refresh tokens")
    UserResponse disable(CallerIdentity caller, @PathVariable UUID id) {
        return UserResponse.of(users.disable(caller, id));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled user")
    UserResponse enable(CallerIdentity caller, @PathVariable UUID id) {
        return UserResponse.of(users.enable(caller, id));
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "Replace a user's roles (only PLATFORM_ADMIN may grant PLATFORM_ADMIN)")
    UserResponse setRoles(CallerIdentity caller, @PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return UserResponse.of(users.setRoles(caller, id, request.roles()));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Reset a user's password and revoke all their refresh tokens")
    ResponseEntity<Void> resetPassword(
            CallerIdentity caller, @PathVariable UUID id, @Valid @RequestBody PasswordReset request) {
        users.resetPassword(caller, id, request.password());
        return ResponseEntity.noContent().build();
    }

    record CreateUser(@NotBlank String username, @NotNull String password, @NotNull Set<Role> roles) {}

    record RolesRequest(@NotNull Set<Role> roles) {}

    record PasswordReset(@NotNull String password) {}

    record UserResponse(
            UUID id, UUID tenantId, String username, List<String> roles, boolean enabled, Instant createdAt) {

        static UserResponse of(User user) {
            return new UserResponse(
                    user.id(),
                    user.tenantId(),
                    user.username(),
                    RoleNames.of(user.roles()),
                    user.enabled(),
                    user.createdAt());
        }
    }
}
