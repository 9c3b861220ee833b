package io.docmatrix.contracts;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The catalogue of Kafka topics DocMatrix services exchange events on. Names follow {@code <domain>.<stream>.v<major>}.
 * Each topic has exactly one writer; a breaking change to a stream gets a new topic with the next major version.
 * {@link EventCatalog} lists which event types travel on which topic.
 */
public final class Topics {

    /**
     * Uploads the gateway accepted and stored. Key: {@code documentId}. Value: {@link
     * io.docmatrix.contracts.upload.UploadEvent}. Writer: {@code gateway-service}. Readers: {@code ingestion-service}.
     */
    public static final String DOCUMENTS_UPLOADS = "documents.uploads.v1";

    /**
     * The life of a document version from receipt to indexed, failed or deleted. Key: {@code documentId}. Value: {@link
     * io.docmatrix.contracts.document.DocumentLifecycleEvent}. Writer: {@code ingestion-service}. Readers: {@code
     * query-service}, {@code analysis-service}.
     */
    public static final String DOCUMENTS_LIFECYCLE = "documents.lifecycle.v1";

    /**
     * The embedded chunks of each document version. Key: {@code documentId}, so all chunks of a document share one
     * partition and arrive in the order they were written. Value: {@link io.docmatrix.contracts.chunk.ChunkEvent}.
     * Writer: {@code ingestion-service}. Readers: {@code query-service}, {@code analysis-service}.
     */
    public static final String DOCUMENTS_CHUNKS = "documents.chunks.v1";

    /**
     * Outcomes of playbook analyses. Key: {@code documentId}. Value: {@link
     * io.docmatrix.contracts.analysis.AnalysisEvent}. Writer: {@code analysis-service}. Readers: {@code query-service}
     * and downstream systems.
     */
    public static final String ANALYSIS_RESULTS = "analysis.results.v1";

    /**
     * Security-relevant identity facts: tenants, logins, API keys, users. Key: the tenant slug. Value: {@link
     * io.docmatrix.contracts.audit.AuditEvent}. Writer: {@code auth-service}. Readers: downstream security tooling.
     */
    public static final String IDENTITY_AUDIT = "identity.audit.v1";

    private static final List<String> ALL =
            List.of(DOCUMENTS_UPLOADS, DOCUMENTS_LIFECYCLE, DOCUMENTS_CHUNKS, ANALYSIS_RESULTS, IDENTITY_AUDIT);

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private Topics() {}

    /** Every topic of this catalogue, in the order declared above. */
    public static List<String> all() {
        return ALL;
    }

    /**
     * The retry topic a consuming service owns for one source topic: {@code <topic>.<service>.retry}. Retries belong to
     * the consumer that failed, so two services reading one topic never retry each other's records.
     *
     * @param topic a topic of this catalogue
     * @param service the consuming service's name, which is also its consumer group, e.g. {@code query-service}
     */
    public static String retryTopic(String topic, String service) {
        return consumerOwned(topic, service, "retry");
    }

    /**
     * The dead-letter topic a consuming service owns for one source topic: {@code <topic>.<service>.dlt}. Records land
     * there with the {@code dlt_*} headers of {@link EventHeaders} once retries are exhausted or the error is not
     * retryable.
     *
     * @param topic a topic of this catalogue
     * @param service the consuming service's name, which is also its consumer group, e.g. {@code query-service}
     */
    public static String deadLetterTopic(String topic, String service) {
        return consumerOwned(topic, service, "dlt");
    }

    private static String consumerOwned(String topic, String service, String suffix) {
        Objects.requireNonNull(topic, "topic must not be null");
        Objects.requireNonNull(service, "service must not be null");
        if (!ALL.contains(topic)) {
            throw new IllegalArgumentException("not a catalogue topic: " + topic);
        }
        if (!SERVICE_NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("service must be a lower-case service name but was '" + service + "'");
        }
        return topic + "." + service + "." + suffix;
    }
}
