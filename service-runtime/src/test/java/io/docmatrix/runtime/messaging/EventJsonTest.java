package io.docmatrix.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.document.DocumentReceived;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventJsonTest {

    @Test
    void readsAndWritesTheGoldenSampleUnchanged() {
        byte[] sample = Samples.read("DocumentReceived.json");

        DocumentReceived event = EventJson.mapper().readValue(sample, DocumentReceived.class);
        String written = EventJson.mapper().writeValueAsString(event);

        assertThat(EventJson.mapper().readTree(written))
                .isEqualTo(EventJson.mapper().readTree(sample));
    }

    @Test
    void writesInstantsAsIsoStringsAndNullsExplicitly() {
        LoginFailed event = new LoginFailed(
                UUID.fromString("c523e84d-f708-491c-94d5-6e1acbdcedcd"),
                Instant.parse("2026-03-01T10:11:57Z"),
                "acme-legl",
                null,
                "j.doe",
                "203.0.113.24",
                "BAD_CREDENTIALS");

        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(event));

        assertThat(json.get("occurredAt").isString()).isTrue();
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-03-01T10:11:57Z");
        assertThat(json.has("tenantId")).isTrue();
        assertThat(json.get("tenantId").isNull()).isTrue();
        assertThat(json).isEqualTo(EventJson.mapper().readTree(Samples.read("LoginFailed.json")));
    }

    @Test
    void ignoresPropertiesAddedByANewerWriter() {
        String withExtra = new String(Samples.read("LoginFailed.json")).replace("{", "{\"addedInV1_3\": 42,");

        LoginFailed event = EventJson.mapper().readValue(withExtra, LoginFailed.class);

        assertThat(event.reason()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void writesNoTypeProperty() {
        DocumentReceived event =
                EventJson.mapper().readValue(Samples.read("DocumentReceived.json"), DocumentReceived.class);

        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(event));

        assertThat(json.has("@class")).isFalse();
        assertThat(json.has("@type")).isFalse();
        assertThat(json.has("type")).isFalse();
    }
}
