package io.docmatrix.bench.query;

import io.docmatrix.bench.Loopback;
import io.docmatrix.bench.platform.PlatformClient;
import io.docmatrix.contracts.DomainEvent;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts generated chunks into query-service's read store through the real path: chunk and lifecycle events on Kafka,
 * consumed by its projections. Then waits, bounded, until the seeded documents answer a search restricted to them,
 * since a document becomes searchable only once all of its chunks are in.
 */
public final class ChunkSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkSeeder.class);

    private final String bootstrap;
    private final ChunkEvents events;

    public ChunkSeeder(String bootstrap, ChunkEvents events) {
        Loopback.requireBootstrap(bootstrap);
        this.bootstrap = bootstrap;
        this.events = events;
    }

    /** Publishes documents {@code [from, to)}; returns how long the broker took to acknowledge all of them. */
    public double publish(int from, int to) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "docmatrix-bench");
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int d = from; d < to; d++) {
                for (DomainEvent event : events.document(d)) {
                    producer.send(ChunkEvents.record(event));
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("published documents {}..{} in {} s", from, to - 1, String.format("%.1f", seconds));
        return seconds;
    }

    /**
     * Waits until every probed document is searchable: the last one and a spread of others (partitions are consumed
     * independently, so the last published is not necessarily the last projected).
     *
     * @return seconds waited; negative if the limit passed first
     */
    public double awaitSearchable(PlatformClient client, int from, int to, Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        int probes = Math.min(12, to - from);
        for (int i = 0; i < probes; i++) {
            int document = to - 1 - (int) ((long) i * (to - from) / probes);
            UUID id = events.documentId(document);
            String body = "{\"question\":\"termination notice\",\"documentIds\":[\"" + id + "\"],\"topK\":1}";
            while (true) {
                PlatformClient.Answer answer = client.postThroughGateway("/api/v1/search", body);
                if (answer.ok() && answer.json().path("results").size() > 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("document {} not searchable within {}", document, limit);
                    return -1;
                }
                Thread.sleep(1000);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
