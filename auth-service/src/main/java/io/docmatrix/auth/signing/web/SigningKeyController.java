package io.docmatrix.auth.signing.web;

import io.docmatrix.auth.signing.SigningKeys;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Keys")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/v1/auth/signing-keys/rotate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Publish a new signing key that takes over after the publish-ahead time (PLATFORM_ADMIN)")
    RotationResponse rotate(CallerIdentity caller) {
        SigningKeys.Rotation rotation = keys.rotate(caller);
        return new RotationResponse(rotation.kid(), rotation.activatesAt());
    }

    record RotationResponse(String kid, Instant activatesAt) {}
}
