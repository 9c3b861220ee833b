package io.docmatrix.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.bench.Loopback;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void readsTheTenantIdAndCallerFromTheClaims() {
        UUID tenant = UUID.randomUUID();
        String claims = "{\"sub\":\"u-1\",\"tenant\":\"" + tenant + "\",\"tenant_slug\":\"bench\",\"name\":\"admin\","
                + "\"roles\":[\"ADMIN\",\"ANALYST\"]}";
        String jwt =
                "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                        + ".c2ln";

        AccessToken token = AccessToken.parse(jwt);

        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.tenantSlug()).isEqualTo("bench");
        assertThat(token.subject()).isEqualTo("u-1");
        assertThat(token.roles()).containsExactly("ADMIN", "ANALYST");
        assertThat(token.bearer()).isEqualTo(jwt);
    }

    @Test
    void theBenchRefusesEveryAddressThatIsNotThisMachine() {
        assertThat(Loopback.requireHttp("http://127.0.0.1:8080").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> Loopback.requireHttp("http://example.com:8080"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.requireBootstrap("127.0.0.1:9092,10.0.0.5:9092"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loopback.requireJdbc("jdbc:postgresql://db.internal:5432/x"))
                .isInstanceOf(IllegalArgumentException.class);
        Loopback.requireJdbc("jdbc:postgresql://127.0.0.1:5433/docmatrix_query_test");
    }
}
