package io.docmatrix.eval.reliability.convergence;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the services' groups: for every partition of every topic a group has committed on, the end offset
 * minus the committed one (the whole partition when nothing is committed there yet). Per-instance groups (SSE fan-out,
 * cache invalidation) are left out: a killed instance's group lags forever and means nothing.
 */
public final class ConsumerLag implements AutoCloseable {

    /** {@code <service>} or {@code <service>.<purpose>}, the naming rule for shared groups. */
    static final Pattern SERVICE_GROUP =
            Pattern.compile("(gateway|auth|ingestion|analysis|query)-service(\\.[a-z-]+)?");

    private static final Duration CALL = Duration.ofSeconds(10);

    private final Admin admin;

    public ConsumerLag(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 8000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.admin = Admin.create(properties);
    }

    /** Lag per group (sum over its partitions); throws while the broker is unreachable. */
    public Map<String, Long> lagByGroup() {
        try {
            Set<String> groups = new HashSet<>();
            for (GroupListing listing :
                    get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())) {
                if (SERVICE_GROUP.matcher(listing.groupId()).matches()) {
                    groups.add(listing.groupId());
                }
            }
            Map<String, Long> lag = new TreeMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
                Set<String> topics = new HashSet<>();
                committed.keySet().forEach(tp -> topics.add(tp.topic()));
                if (topics.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                for (TopicDescription topic :
                        get(admin.describeTopics(topics).allTopicNames()).values()) {
                    topic.partitions().forEach(p -> {
                        TopicPartition tp = new TopicPartition(topic.name(), p.partition());
                        latest.put(tp, OffsetSpec.latest());
                        earliest.put(tp, OffsetSpec.earliest());
                    });
                }
                var ends = get(admin.listOffsets(latest).all());
                var starts = get(admin.listOffsets(earliest).all());
                long sum = 0;
                for (TopicPartition tp : latest.keySet()) {
                    OffsetAndMetadata position = committed.get(tp);
                    long from = position != null
                            ? position.offset()
                            : starts.get(tp).offset();
                    sum += Math.max(0, ends.get(tp).offset() - from);
                }
                lag.put(group, sum);
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("consumer lag unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
