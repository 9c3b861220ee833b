package io.docmatrix.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLettersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void namesTheDeadLetterTopicAfterTheSourceTopicAndTheConsumingService() {
        String topic = DeadLetters.topicFor(Topics.DOCUMENTS_CHUNKS, "query-service");

        assertThat(topic).isEqualTo("documents.chunks.v1.query-service.dlt");
    }

    @Test
    void describesTheFailureInDltHeadersWithoutAStackTrace() {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(Topics.DOCUMENTS_CHUNKS, 2, 17L, "key", new byte[0]);
        Exception failure = new ListenerExecutionFailedException(
                "listener failed", new PoisonEventException("value is not a valid ChunkEmbedded\n\tat Foo.bar", null));

        Headers headers = DeadLetters.headers(record, failure, "query-service", CLOCK);

        assertThat(header(headers, EventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.DOCUMENTS_CHUNKS);
        assertThat(header(headers, EventHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(header(headers, EventHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo("17");
        assertThat(header(headers, EventHeaders.DLT_ERROR_CODE)).isEqualTo("DESERIALIZATION_FAILED");
        assertThat(header(headers, EventHeaders.DLT_ERROR_MESSAGE))
                .isEqualTo("PoisonEventException: value is not a valid ChunkEmbedded");
        assertThat(header(headers, EventHeaders.DLT_FAILED_AT)).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(header(headers, EventHeaders.DLT_SERVICE)).isEqualTo("query-service");
    }

    @Test
    void truncatesLongMessagesAndCodesOtherFailuresAsProcessingFailed() {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(Topics.DOCUMENTS_CHUNKS, 0, 0L, "key", new byte[0]);
        Exception failure = new ListenerExecutionFailedException("x", new IllegalStateException("y".repeat(2_000)));

        Headers headers = DeadLetters.headers(record, failure, "query-service", CLOCK);

        assertThat(header(headers, EventHeaders.DLT_ERROR_CODE)).isEqualTo("PROCESSING_FAILED");
        assertThat(header(headers, EventHeaders.DLT_ERROR_MESSAGE))
                .startsWith("IllegalStateException: yyy")
                .hasSize(DeadLetters.MAX_MESSAGE_LENGTH);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
