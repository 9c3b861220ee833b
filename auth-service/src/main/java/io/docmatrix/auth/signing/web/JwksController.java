package io.docmatrix.auth.signing.web;

import io.docmatrix.auth.signing.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Keys")
class JwksController {

    // Shorter than the publish-ahead time of a rotation, so every cache has the new key before it signs.
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    @Operation(summary = "The public keys that verify access tokens (RFC 7517)")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .body(keys.jwks().toJSONObject(true));
    }
}
