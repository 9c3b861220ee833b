package io.docmatrix.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.docmatrix.contracts.audit.AuditEvent;
import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.document.DocumentLifecycleEvent;
import io.docmatrix.contracts.document.DocumentReceived;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class InboundEventsTest {

    private static final String DOCUMENT_RECEIVED = "io.docmatrix.documents.DocumentReceived.v1";

    @Test
    void decodesTheRecordClassItsTypeHeaderNames() {
        ConsumerRecord<String, byte[]> record = record(DOCUMENT_RECEIVED, Samples.read("DocumentReceived.json"));

        DomainEvent event = InboundEvents.decode(record);

        assertThat(event).isInstanceOf(DocumentReceived.class);
        assertThat(((DocumentReceived) event).documentId())
                .isEqualTo(UUID.fromString("8b1e4c7a-2f3d-4e59-9a6b-0c7d1e2f3a4b"));
    }

    @Test
    void decodesIntoTheStreamInterfaceForAnExhaustiveSwitch() {
        ConsumerRecord<String, byte[]> record =
                record("io.docmatrix.identity.LoginFailed.v1", Samples.read("LoginFailed.json"));

        AuditEvent event = InboundEvents.decode(record, AuditEvent.class);

        assertThat(event).isInstanceOfSatisfying(LoginFailed.class, failed -> assertThat(failed.tenantId())
                .isNull());
    }

    @Test
    void rejectsAnUnknownTypeAsNotRetryable() {
        ConsumerRecord<String, byte[]> record =
                record("io.docmatrix.documents.DocumentShredded.v1", Samples.read("DocumentReceived.json"));

        assertThatThrownBy(() -> InboundEvents.decode(record))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, e -> {
                    assertThat(e.type()).isEqualTo("io.docmatrix.documents.DocumentShredded.v1");
                    assertThat(e.errorCode()).isEqualTo("UNKNOWN_EVENT_TYPE");
                })
                .isInstanceOf(UndeliverableEventException.class);
    }

    @Test
    void rejectsARecordWithoutTypeHeaderAsPoison() {
        ConsumerRecord<String, byte[]> record = record(null, Samples.read("DocumentReceived.json"));

        assertThatThrownBy(() -> InboundEvents.decode(record))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void rejectsAValueThatIsNotJsonAsPoison() {
        ConsumerRecord<String, byte[]> record = record(DOCUMENT_RECEIVED, "not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> InboundEvents.decode(record))
                .isInstanceOfSatisfying(PoisonEventException.class, e -> assertThat(e.errorCode())
                        .isEqualTo("DESERIALIZATION_FAILED"));
    }

    @Test
    void rejectsAValueMissingARequiredFieldAsPoison() {
        byte[] withoutDocumentId = new String(Samples.read("DocumentReceived.json"), StandardCharsets.UTF_8)
                .replace("\"documentId\": \"8b1e4c7a-2f3d-4e59-9a6b-0c7d1e2f3a4b\",", "")
                .getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = record(DOCUMENT_RECEIVED, withoutDocumentId);

        assertThatThrownBy(() -> InboundEvents.decode(record)).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void rejectsAnEventOfAnotherStreamAsPoison() {
        ConsumerRecord<String, byte[]> record =
                record("io.docmatrix.identity.LoginFailed.v1", Samples.read("LoginFailed.json"));

        assertThatThrownBy(() -> InboundEvents.decode(record, DocumentLifecycleEvent.class))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("LoginFailed is not a DocumentLifecycleEvent");
    }

    private static ConsumerRecord<String, byte[]> record(@Nullable String type, byte[] value) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(Topics.DOCUMENTS_LIFECYCLE, 0, 42L, "8b1e4c7a-2f3d-4e59-9a6b-0c7d1e2f3a4b", value);
        if (type != null) {
            record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
