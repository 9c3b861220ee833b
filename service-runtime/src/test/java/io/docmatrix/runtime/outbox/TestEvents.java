package io.docmatrix.runtime.outbox;

import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.DocumentMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Events for outbox tests, each with fresh ids so tests never see each other's records. */
final class TestEvents {

    private TestEvents() {}

    static DocumentReceived documentReceived(UUID documentId, int version) {
        return new DocumentReceived(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                documentId,
                UUID.randomUUID(),
                version,
                "Globex MSA v" + version + ".pdf",
                "application/pdf",
                2_483_117L,
                "j.doe",
                new DocumentMetadata("Master Services Agreement", List.of("msa", "vendor"), null, null));
    }

    static LoginFailed loginFailedForAnUnknownTenant() {
        return new LoginFailed(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "acme-legl",
                null,
                "j.doe",
                "203.0.113.24",
                "UNKNOWN_TENANT");
    }
}
