package io.docmatrix.runtime.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson 3 mapper for event values on the wire, configured exactly like {@code WireJson} in the contracts tests
 * (and docs/events.md), so what services write and read is what the golden samples check. Use it for every event
 * value; never Spring's application {@code JsonMapper}, whose settings a service may change for its HTTP API.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Tolerant reader: a field added later within v1 must not break a consumer built before it.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Instants travel as ISO-8601 UTC strings ("2026-03-01T10:15:30Z"), never as epoch numbers.
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // The ce_type header names the record class, so the body carries no type property.
            .deactivateDefaultTyping()
            // Nullable fields are written as explicit nulls: every property of the schema is always present.
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.ALWAYS)
                    .withContentInclusion(JsonInclude.Include.ALWAYS))
            .build();

    private EventJson() {}

    /** The shared, immutable and thread-safe mapper for event values. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
