package io.docmatrix.runtime.outbox;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox table and its relay. Names are PostgreSQL identifiers written into SQL and the Debezium configuration,
 * hence the strict patterns.
 *
 * @param enabled whether this service runs the relay (the writer works without it, e.g. in tests without Kafka)
 * @param slotName the logical replication slot; default {@code <service_name>_outbox}. One per service and database:
 *     two engines on one slot would steal each other's changes
 * @param publicationName the publication over the outbox table; default {@code <slot>_pub}
 * @param schema the schema of the outbox and offset tables
 * @param table the outbox table
 * @param offsetTable the table the relay keeps its Debezium offsets in, created by the relay if missing, in the same
 *     database as the slot so both move together
 * @param retention how long relayed rows are kept as an audit aid before the cleanup deletes them
 * @param cleanupInterval how often the cleanup and the slot-lag gauge run
 * @param pollInterval how long the engine waits for new changes before polling again
 * @param offsetFlushInterval how often processed positions are stored; a crash re-delivers at most this much
 * @param heartbeatInterval how often the connector confirms its position while the outbox is idle, so the slot does not
 *     hold back WAL written by other tables
 * @param sendTimeout how long a record may wait for the Kafka acknowledgement before the relay restarts
 * @param maxRestartBackoff the cap of the back-off between restarts after a failure
 */
@Validated
@ConfigurationProperties("docmatrix.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable @Pattern(regexp = IDENTIFIER) String slotName,
        @Nullable @Pattern(regexp = IDENTIFIER) String publicationName,
        @DefaultValue("public") @NotNull @Pattern(regexp = IDENTIFIER) String schema,
        @DefaultValue("outbox") @NotNull @Pattern(regexp = IDENTIFIER) String table,
        @DefaultValue("outbox_offset") @NotNull @Pattern(regexp = IDENTIFIER) String offsetTable,
        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration retention,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 100) Duration cleanupInterval,
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 10) Duration pollInterval,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration offsetFlushInterval,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration heartbeatInterval,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration sendTimeout,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration maxRestartBackoff) {

    /** Lower-case PostgreSQL identifiers; slot names allow at most 63 of these characters. */
    static final String IDENTIFIER = "[a-z_][a-z0-9_]{0,62}";

    /** The configured slot name, or {@code <service>_outbox} with the service name made an identifier. */
    String slotName(String service) {
        if (slotName != null) {
            return slotName;
        }
        String base = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = base + "_outbox";
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    /** The configured publication name, or {@code <slot>_pub}. */
    String publicationName(String service) {
        return publicationName != null ? publicationName : slotName(service) + "_pub";
    }

    String qualifiedTable() {
        return schema + "." + table;
    }

    String qualifiedOffsetTable() {
        return schema + "." + offsetTable;
    }
}
