package io.docmatrix.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiIT extends AuthServiceIntegrationTest {

    @Test
    void documentsTheIdentityEndpoints() throws Exception {
        Response docs = send("GET", "/v3/api-docs", null, null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames())
                .contains(
                        "/api/v1/auth/token",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/logout",
                        "/api/v1/auth/password",
                        "/api/v1/auth/signing-keys/rotate",
                        "/api/v1/tenants",
                        "/api/v1/users",
                        "/api/v1/users/{id}",
                        "/api/v1/api-keys",
                        "/api/v1/api-keys/{id}",
                        "/internal/v1/api-keys/verify",
                        "/.well-known/jwks.json");
    }
}
