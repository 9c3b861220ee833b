package io.docmatrix.runtime.messaging;

import io.docmatrix.contracts.DomainEvent;
import io.docmatrix.contracts.EventCatalog;
import io.docmatrix.contracts.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Turns a Kafka record into the event its {@code ce_type} header names, so listeners never pick a class themselves.
 * Both failures are non-retryable and dead-lettered by the error handling of {@link MessagingAutoConfiguration}.
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.DOCUMENTS_CHUNKS)
 * void on(ConsumerRecord<String, byte[]> record) {
 *     switch (InboundEvents.decode(record, ChunkEvent.class)) {
 *         case ChunkEmbedded chunk -> projection.apply(chunk);
 *     }
 * }
 * }</pre>
 */
public final class InboundEvents {

    private InboundEvents() {}

    /**
     * The event in the record.
     *
     * @throws UnknownEventTypeException if the catalogue has no entry for the {@code ce_type} header
     * @throws PoisonEventException if the header is missing or the value does not decode into the named record
     */
    public static DomainEvent decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new PoisonEventException("record has no " + EventHeaders.TYPE + " header (" + at(record) + ")", null);
        }
        EventCatalog.Entry entry = EventCatalog.findByType(type).orElseThrow(() -> new UnknownEventTypeException(type));
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            throw new PoisonEventException("record of type " + type + " has no value (" + at(record) + ")", null);
        }
        try {
            return EventJson.mapper().readValue(value, entry.eventClass());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // Record constructors reject missing required fields with NullPointerException/IllegalArgumentException,
            // which Jackson may or may not wrap: both mean the value does not describe a valid event.
            throw new PoisonEventException(
                    "value of " + at(record) + " is not a valid " + type + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The event in the record as one of the stream's sealed interface, for an exhaustive {@code switch}.
     *
     * @throws PoisonEventException also when the event is of another stream, which does not belong on this topic
     */
    public static <E extends DomainEvent> E decode(ConsumerRecord<String, byte[]> record, Class<E> stream) {
        DomainEvent event = decode(record);
        if (!stream.isInstance(event)) {
            throw new PoisonEventException(
                    event.getClass().getSimpleName() + " is not a " + stream.getSimpleName() + " (" + at(record) + ")",
                    null);
        }
        return stream.cast(event);
    }

    /** The UTF-8 value of the last header with this name, or null if the record has none. */
    public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
