package io.docmatrix.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson 3 settings every DocMatrix producer and consumer applies to event values, spelled out rather than left to
 * defaults so that the golden-sample tests exercise exactly what the services do.
 */
final class WireJson {

    private WireJson() {}

    static JsonMapper mapper() {
        return JsonMapper.builder()
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
    }
}
