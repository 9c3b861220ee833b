package io.docmatrix.contracts;

import io.docmatrix.contracts.analysis.AnalysisCompleted;
import io.docmatrix.contracts.analysis.AnalysisFailed;
import io.docmatrix.contracts.audit.ApiKeyCreated;
import io.docmatrix.contracts.audit.ApiKeyRevoked;
import io.docmatrix.contracts.audit.LoginFailed;
import io.docmatrix.contracts.audit.LoginSucceeded;
import io.docmatrix.contracts.audit.RefreshTokenReuseDetected;
import io.docmatrix.contracts.audit.TenantCreated;
import io.docmatrix.contracts.audit.UserChanged;
import io.docmatrix.contracts.chunk.ChunkEmbedded;
import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.document.DocumentFailed;
import io.docmatrix.contracts.document.DocumentIndexed;
import io.docmatrix.contracts.document.DocumentParsed;
import io.docmatrix.contracts.document.DocumentParsingStarted;
import io.docmatrix.contracts.document.DocumentReceived;
import io.docmatrix.contracts.upload.DocumentUploaded;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The single registry of every event type on the wire. Producers look up the entry of the record they send to set the
 * {@code ce_type} and {@code ce_source} headers and the topic; consumers look up the {@code ce_type} header to pick the
 * record class, which is why event values carry no type property and no Java type headers.
 *
 * <p>Type strings are written out rather than derived from class names so that renaming a Java class never changes
 * the wire.
 */
public final class EventCatalog {

    private static final String GATEWAY = "gateway-service";
    private static final String INGESTION = "ingestion-service";
    private static final String ANALYSIS = "analysis-service";
    private static final String AUTH = "auth-service";

    private static final List<Entry> ENTRIES = List.of(
            new Entry(
                    "io.docmatrix.documents.DocumentUploaded.v1",
                    DocumentUploaded.class,
                    Topics.DOCUMENTS_UPLOADS,
                    GATEWAY),
            new Entry(
                    "io.docmatrix.documents.DocumentReceived.v1",
                    DocumentReceived.class,
                    Topics.DOCUMENTS_LIFECYCLE,
                    INGESTION),
            new Entry(
                    "io.docmatrix.documents.DocumentParsingStarted.v1",
                    DocumentParsingStarted.class,
                    Topics.DOCUMENTS_LIFECYCLE,
                    INGESTION),
            new Entry(
                    "io.docmatrix.documents.DocumentParsed.v1",
                    DocumentParsed.class,
                    Topics.DOCUMENTS_LIFECYCLE,
                    INGESTION),
            new Entry(
                    "io.docmatrix.documents.DocumentIndexed.v1",
                    DocumentIndexed.class,
                    Topics.DOCUMENTS_LIFECYCLE,
                    INGESTION),
            new Entry(
                    "io.docmatrix.documents.DocumentFailed.v1",
                    DocumentFailed.class,
                    Topics.DOCUMENTS_LIFECYCLE,
                    INGESTION),
            new Entry(
                    "io.docmatrix.documents.DocumentDeleted.v1",
                    DocumentDeleted.class,
                    Topics.DOCUMENTS_LIFECYCLE,
                    INGESTION),
            new Entry(
                    "io.docmatrix.documents.ChunkEmbedded.v1", ChunkEmbedded.class, Topics.DOCUMENTS_CHUNKS, INGESTION),
            new Entry(
                    "io.docmatrix.analysis.AnalysisCompleted.v1",
                    AnalysisCompleted.class,
                    Topics.ANALYSIS_RESULTS,
                    ANALYSIS),
            new Entry(
                    "io.docmatrix.analysis.AnalysisFailed.v1", AnalysisFailed.class, Topics.ANALYSIS_RESULTS, ANALYSIS),
            new Entry("io.docmatrix.identity.TenantCreated.v1", TenantCreated.class, Topics.IDENTITY_AUDIT, AUTH),
            new Entry("io.docmatrix.identity.LoginSucceeded.v1", LoginSucceeded.class, Topics.IDENTITY_AUDIT, AUTH),
            new Entry("io.docmatrix.identity.LoginFailed.v1", LoginFailed.class, Topics.IDENTITY_AUDIT, AUTH),
            new Entry(
                    "io.docmatrix.identity.RefreshTokenReuseDetected.v1",
                    RefreshTokenReuseDetected.class,
                    Topics.IDENTITY_AUDIT,
                    AUTH),
            new Entry("io.docmatrix.identity.ApiKeyCreated.v1", ApiKeyCreated.class, Topics.IDENTITY_AUDIT, AUTH),
            new Entry("io.docmatrix.identity.ApiKeyRevoked.v1", ApiKeyRevoked.class, Topics.IDENTITY_AUDIT, AUTH),
            new Entry("io.docmatrix.identity.UserChanged.v1", UserChanged.class, Topics.IDENTITY_AUDIT, AUTH));

    private static final Map<String, Entry> BY_TYPE = index(Entry::type);
    private static final Map<Class<?>, Entry> BY_CLASS = index(Entry::eventClass);

    private EventCatalog() {}

    /** Every registered event type, grouped by topic. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The event types that travel on one topic; empty for a topic outside the catalogue. */
    public static List<Entry> entriesOn(String topic) {
        return ENTRIES.stream().filter(entry -> entry.topic().equals(topic)).toList();
    }

    /**
     * The entry for a {@code ce_type} header value. Empty for a type this version of the contracts does not know, which
     * a tolerant consumer skips (or dead-letters) rather than guessing a class.
     */
    public static Optional<Entry> findByType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The entry for an event record class; empty for a class that is not a registered event. */
    public static Optional<Entry> findByClass(Class<?> eventClass) {
        return Optional.ofNullable(BY_CLASS.get(eventClass));
    }

    /**
     * The entry of an event a producer is about to send.
     *
     * @throws IllegalArgumentException if the event's class is not registered, which is a programming error
     */
    public static Entry of(DomainEvent event) {
        return findByClass(event.getClass())
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a registered event type: " + event.getClass().getName()));
    }

    private static <K> Map<K, Entry> index(Function<Entry, K> key) {
        Map<K, Entry> index = new HashMap<>();
        for (Entry entry : ENTRIES) {
            if (index.put(key.apply(entry), entry) != null) {
                throw new IllegalStateException("duplicate catalogue key: " + key.apply(entry));
            }
        }
        return Map.copyOf(index);
    }

    /**
     * One event type on the wire.
     *
     * @param type the CloudEvents type string sent as {@code ce_type}: {@code io.docmatrix.<domain>.<PastFact>.v<major>},
     *     where domain and major are those of the topic
     * @param eventClass the record class the JSON value is read into
     * @param topic the topic the event travels on (a {@link Topics} constant)
     * @param writer the name of the only service that writes the event
     */
    public record Entry(String type, Class<? extends DomainEvent> eventClass, String topic, String writer) {

        public Entry {
            Objects.requireNonNull(type, "type must not be null");
            Objects.requireNonNull(eventClass, "eventClass must not be null");
            Objects.requireNonNull(topic, "topic must not be null");
            Objects.requireNonNull(writer, "writer must not be null");
        }

        /** The CloudEvents {@code source} the writer sends as {@code ce_source}: {@code /<writer>}. */
        public String source() {
            return "/" + writer;
        }
    }
}
