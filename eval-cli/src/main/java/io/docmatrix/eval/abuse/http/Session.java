package io.docmatrix.eval.abuse.http;

import io.docmatrix.eval.platform.Credentials;
import io.docmatrix.eval.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A logged-in tenant user: its access and refresh token and the tenant id the access token names (log lines carry
 * that id, which is how the log scan knows which lines belong to a caller).
 */
public record Session(String tenant, UUID tenantId, String accessToken, String refreshToken) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Session login(Probe probe, Credentials credentials) {
        ObjectNode body = JSON.createObjectNode()
                .put("tenant", credentials.tenant())
                .put("username", credentials.username())
                .put("password", credentials.password());
        Reply reply = probe.postJson("/api/v1/auth/token", null, JSON.writeValueAsString(body));
        if (reply.status() != 200) {
            throw new PlatformException("could not log in as " + credentials + ": " + reply.outcome(), reply.status());
        }
        JsonNode tokens = reply.json();
        String access = tokens.path("access_token").asString();
        return new Session(
                credentials.tenant(),
                UUID.fromString(claims(access).path("tenant").asString()),
                access,
                tokens.path("refresh_token").asString(""));
    }

    /** The claims of a JWT, unverified: the harness only reads its own token. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "session of tenant " + tenant;
    }
}
