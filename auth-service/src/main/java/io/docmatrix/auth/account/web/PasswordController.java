package io.docmatrix.auth.account.web;

import io.docmatrix.auth.account.UserAdministration;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tokens")
class PasswordController {

    private final UserAdministration users;

    PasswordController(UserAdministration users) {
        this.users = users;
    }

    @PostMapping("/api/v1/auth/password")
    @Operation(summary = "Change the caller's own password; ends all the caller's sessions")
    ResponseEntity<Void> change(CallerIdentity caller, @Valid @RequestBody PasswordChange request) {
        users.changeOwnPassword(caller, request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {}
}
