package io.docmatrix.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.runtime.identity.AuthKind;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class RoleMatrixIT extends GatewayIntegrationTest {

    @Autowired
    IdentityHeaders identityHeaders;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"VIEWER", "ANALYST", "ADMIN", "PLATFORM_ADMIN"})
    void allowsEachRoleExactlyTheRoutesOfTheMatrix(String role) {
        Tokens.Caller caller = Tokens.Caller.of("acme", role);
        String token = Tokens.accessToken(caller);

        for (Routes.Route route : Routes.PROTECTED) {
            HttpResponse<String> response = send(route.method(), route.path(), bearer(token));

            if (route.allowed().contains(role) && route.handledByGateway()) {
                // Past authentication and the role check, the intake itself refuses a request without a file.
                assertThat(response.statusCode()).as("%s may %s", role, route).isEqualTo(415);
                assertThat(problemCode(response)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            } else if (route.allowed().contains(role)) {
                assertThat(response.statusCode()).as("%s may %s", role, route).isEqualTo(200);
                assertThat(verifiedCaller(response, route))
                        .as("identity forwarded on %s", route)
                        .hasValue(new CallerIdentity(
                                caller.tenantId(),
                                "acme",
                                caller.subject(),
                                caller.name(),
                                Set.of(role),
                                AuthKind.USER));
            } else {
                assertThat(response.statusCode())
                        .as("%s may not %s", role, route)
                        .isEqualTo(403);
                assertThat(problemCode(response)).isEqualTo("FORBIDDEN");
            }
        }
    }

    private Optional<CallerIdentity> verifiedCaller(HttpResponse<String> response, Routes.Route route) {
        Map<String, Object> echo = echo(response);
        Map<String, String> headers = forwardedHeaders(response);
        assertThat(echo.get("path")).isEqualTo(URI.create(route.path()).getRawPath());
        return identityHeaders.verify(
                name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)),
                (String) echo.get("method"),
                (String) echo.get("path"),
                Instant.now());
    }
}
