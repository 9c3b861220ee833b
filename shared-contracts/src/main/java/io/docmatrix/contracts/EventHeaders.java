package io.docmatrix.contracts;

/**
 * Kafka header names every DocMatrix event carries. Events use the CloudEvents 1.0 Kafka binding in binary mode: the
 * record value is the event record as plain JSON (no type property, no Java type headers), the CloudEvents attributes
 * travel as {@code ce_*} headers, and {@link #TYPE} tells consumers which record class to read. Header values are
 * UTF-8 strings.
 */
public final class EventHeaders {

    /** CloudEvents {@code id}: the event's {@link DomainEvent#eventId()}, a lower-case UUID. Required. */
    public static final String ID = "ce_id";

    /**
     * CloudEvents {@code type}: the catalogue type string, e.g. {@code io.docmatrix.documents.DocumentUploaded.v1}
     * (see {@link EventCatalog}). Consumers pick the record class from it. Required.
     */
    public static final String TYPE = "ce_type";

    /** CloudEvents {@code source}: {@code /<writer-service>}, e.g. {@code /ingestion-service}. Required. */
    public static final String SOURCE = "ce_source";

    /** CloudEvents {@code specversion}; its value is always {@link #SPEC_VERSION_1_0}. Required. */
    public static final String SPEC_VERSION = "ce_specversion";

    /** The only CloudEvents spec version DocMatrix writes. */
    public static final String SPEC_VERSION_1_0 = "1.0";

    /** CloudEvents {@code time}: the event's {@link DomainEvent#occurredAt()} as an ISO-8601 UTC instant. Required. */
    public static final String TIME = "ce_time";

    /**
     * CloudEvents {@code subject}: the event's {@link DomainEvent#aggregateId()}, equal to the Kafka record key.
     * Required.
     */
    public static final String SUBJECT = "ce_subject";

    /**
     * CloudEvents extension {@code tenantid}: the owning tenant's UUID, lower case. Absent only when the event names no
     * known tenant (a failed login for an unknown tenant slug).
     */
    public static final String TENANT_ID = "ce_tenantid";

    /** CloudEvents {@code datacontenttype} in the Kafka binding; its value is always {@link #APPLICATION_JSON}. */
    public static final String CONTENT_TYPE = "content-type";

    /** The content type of every DocMatrix event value. */
    public static final String APPLICATION_JSON = "application/json";

    /** W3C Trace Context {@code traceparent} of the operation that produced the event; optional. */
    public static final String TRACEPARENT = "traceparent";

    /** W3C Trace Context {@code tracestate}, vendor trace data accompanying {@link #TRACEPARENT}; optional. */
    public static final String TRACESTATE = "tracestate";

    /** Added to dead-lettered records: the topic the record was originally read from. */
    public static final String DLT_ORIGINAL_TOPIC = "dlt_original_topic";

    /** Added to dead-lettered records: the partition the record was originally read from, as a decimal string. */
    public static final String DLT_ORIGINAL_PARTITION = "dlt_original_partition";

    /** Added to dead-lettered records: the offset the record had in its original partition, as a decimal string. */
    public static final String DLT_ORIGINAL_OFFSET = "dlt_original_offset";

    /** Added to dead-lettered records: a stable code for the failure, e.g. {@code DESERIALIZATION_FAILED}. */
    public static final String DLT_ERROR_CODE = "dlt_error_code";

    /** Added to dead-lettered records: a human-readable failure message (no stack trace, no personal data). */
    public static final String DLT_ERROR_MESSAGE = "dlt_error_message";

    /** Added to dead-lettered records: when the consumer gave up, as an ISO-8601 UTC instant. */
    public static final String DLT_FAILED_AT = "dlt_failed_at";

    /** Added to dead-lettered records: the consuming service (and consumer group) that failed, which owns the DLT. */
    public static final String DLT_SERVICE = "dlt_service";

    private EventHeaders() {}
}
