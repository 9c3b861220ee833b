package io.docmatrix.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.auth.AuthServiceIntegrationTest;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.audit.AuditEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** What auth-service writes to the outbox equals the contract's golden samples, field for field. */
class AuditPayloadIT extends AuthServiceIntegrationTest {

    private static final Path GOLDEN =
            Path.of("../shared-contracts/src/test/resources/contracts", Topics.IDENTITY_AUDIT);

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void writesEveryAuditEventAsItsGoldenSample() throws Exception {
        for (EventCatalog.Entry entry : EventCatalog.entriesOn(Topics.IDENTITY_AUDIT)) {
            JsonNode golden = json.readTree(
                    Files.readString(GOLDEN.resolve(entry.eventClass().getSimpleName() + ".json")));
            AuditEvent event = (AuditEvent) json.treeToValue(golden, entry.eventClass());
            jdbc.update("DELETE FROM outbox WHERE id = ?", event.eventId());

            transactions.executeWithoutResult(status -> audit.record(event));

            String payload =
                    jdbc.queryForObject("SELECT payload::text FROM outbox WHERE id = ?", String.class, event.eventId());
            assertThat(json.readTree(payload)).as(entry.type()).isEqualTo(golden);
            assertThat(jdbc.queryForObject(
                            "SELECT aggregatetype || ' ' || aggregateid || ' ' || type FROM outbox WHERE id = ?",
                            String.class,
                            event.eventId()))
                    .isEqualTo(Topics.IDENTITY_AUDIT + " " + event.tenant() + " " + entry.type());
            jdbc.update("DELETE FROM outbox WHERE id = ?", event.eventId());
        }
    }
}
