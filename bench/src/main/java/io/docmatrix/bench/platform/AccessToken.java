package io.docmatrix.bench.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claims of the bench's access token that the bench needs: the tenant's id (the {@code tenant} claim) for the
 * chunk events it injects, and the caller it signs identity headers for when it calls query-service directly. The
 * signature is not checked here: the gateway checks it, and the token came from auth-service over loopback.
 */
public record AccessToken(
        String bearer, UUID tenantId, String tenantSlug, String subject, String name, List<String> roles) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static AccessToken parse(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(r -> roles.add(r.asString()));
        return new AccessToken(
                jwt,
                UUID.fromString(claims.path("tenant").asString()),
                claims.path("tenant_slug").asString(),
                claims.path("sub").asString(),
                claims.path("name").asString(),
                List.copyOf(roles));
    }
}
