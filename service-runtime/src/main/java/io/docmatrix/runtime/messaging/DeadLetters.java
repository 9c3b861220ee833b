package io.docmatrix.runtime.messaging;

import io.docmatrix.contracts.EventHeaders;
import io.docmatrix.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes records a consumer gave up on to {@code <topic>.<service>.dlt}, keeping key, value and original headers
 * and adding the {@code dlt_*} headers of {@link EventHeaders}. Spring's own {@code kafka_dlt-*} headers are left out:
 * they carry a full stack trace, and the DocMatrix headers are the contract.
 */
final class DeadLetters {

    /** The {@code dlt_error_code} of failures that are not {@link UndeliverableEventException}s. */
    static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    static final int MAX_MESSAGE_LENGTH = 500;

    private DeadLetters() {}

    static ConsumerRecordRecoverer recoverer(
            KafkaOperations<?, ?> template, String service, @Nullable MeterRegistry meters, Clock clock) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                template, (record, exception) -> new TopicPartition(topicFor(record.topic(), service), -1));
        publisher.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.values());
        publisher.setHeadersFunction((record, exception) -> headers(record, exception, service, clock));
        return (record, exception) -> {
            publisher.accept(record, exception);
            if (meters != null) {
                DeadLetterCounters.counter(meters, record.topic()).increment();
            }
        };
    }

    /** {@code <topic>.<service>.dlt}; topics outside the catalogue (a service's own) follow the same pattern. */
    static String topicFor(String topic, String service) {
        return Topics.all().contains(topic) ? Topics.deadLetterTopic(topic, service) : topic + "." + service + ".dlt";
    }

    static Headers headers(ConsumerRecord<?, ?> record, Exception exception, String service, Clock clock) {
        Throwable cause = rootCause(exception);
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.DLT_ORIGINAL_TOPIC, record.topic());
        add(headers, EventHeaders.DLT_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, EventHeaders.DLT_ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, EventHeaders.DLT_ERROR_CODE, errorCode(cause));
        add(headers, EventHeaders.DLT_ERROR_MESSAGE, message(cause));
        add(headers, EventHeaders.DLT_FAILED_AT, clock.instant().toString());
        add(headers, EventHeaders.DLT_SERVICE, service);
        return headers;
    }

    /** The DocMatrix exception if there is one in the chain, else the innermost cause (not the listener wrapper). */
    static Throwable rootCause(Throwable exception) {
        Throwable current = exception;
        while (true) {
            if (current instanceof UndeliverableEventException) {
                return current;
            }
            Throwable next = current.getCause();
            if (next == null || next == current) {
                return current;
            }
            current = next;
        }
    }

    private static String errorCode(Throwable cause) {
        return cause instanceof UndeliverableEventException undeliverable
                ? undeliverable.errorCode()
                : PROCESSING_FAILED;
    }

    /** The exception's class and first message line, truncated; never a stack trace. */
    static String message(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        String text = cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
