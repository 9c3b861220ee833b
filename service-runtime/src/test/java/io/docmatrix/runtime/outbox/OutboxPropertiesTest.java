package io.docmatrix.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

    @Test
    void derivesSlotAndPublicationFromTheServiceName() {
        OutboxProperties properties = properties(null, null);

        assertThat(properties.slotName("ingestion-service")).isEqualTo("ingestion_service_outbox");
        assertThat(properties.publicationName("ingestion-service")).isEqualTo("ingestion_service_outbox_pub");
    }

    @Test
    void prefersConfiguredNames() {
        OutboxProperties properties = properties("custom_slot", "custom_pub");

        assertThat(properties.slotName("ingestion-service")).isEqualTo("custom_slot");
        assertThat(properties.publicationName("ingestion-service")).isEqualTo("custom_pub");
    }

    @Test
    void takesHostPortAndDatabaseFromTheJdbcUrl() {
        DatabaseAddress address =
                DatabaseAddress.fromJdbcUrl("jdbc:postgresql://db.internal:6543/docmatrix_ingestion?sslmode=require");

        assertThat(address).isEqualTo(new DatabaseAddress("db.internal", 6543, "docmatrix_ingestion"));
        assertThat(DatabaseAddress.fromJdbcUrl("jdbc:postgresql://localhost/docmatrix")
                        .port())
                .isEqualTo(5432);
    }

    @Test
    void refusesMultiHostUrls() {
        assertThatThrownBy(() -> DatabaseAddress.fromJdbcUrl("jdbc:postgresql://a:5432,b:5432/docmatrix"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static OutboxProperties properties(String slot, String publication) {
        return new OutboxProperties(
                true,
                slot,
                publication,
                "public",
                "outbox",
                "outbox_offset",
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(1));
    }
}
