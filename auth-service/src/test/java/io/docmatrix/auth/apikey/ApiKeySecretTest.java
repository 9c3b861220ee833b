package io.docmatrix.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void generatesKeysWithAVisiblePrefixAndA256BitSecret() {
        ApiKeySecret secret = ApiKeySecret.generate();

        assertThat(secret.key()).matches("dmx_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(secret.key()).startsWith("dmx_" + secret.prefix() + "_");
        assertThat(secret.toString()).doesNotContain(secret.key());
    }

    @Test
    void findsThePrefixOfAWellFormedKeyOnly() {
        ApiKeySecret secret = ApiKeySecret.generate();

        assertThat(ApiKeySecret.prefixOf(secret.key())).contains(secret.prefix());
        assertThat(ApiKeySecret.prefixOf("dmx_short")).isEmpty();
        assertThat(ApiKeySecret.prefixOf("abc_abcdefgh_secret")).isEmpty();
        assertThat(ApiKeySecret.prefixOf("dmx_abcdefghXsecret")).isEmpty();
    }

    @Test
    void twoKeysNeverShareASecret() {
        assertThat(ApiKeySecret.generate().key())
                .isNotEqualTo(ApiKeySecret.generate().key());
    }
}
