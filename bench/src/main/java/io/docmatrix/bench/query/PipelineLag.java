package io.docmatrix.bench.query;

import io.docmatrix.bench.Loopback;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's consumer lag: records published but not yet committed by some service's consumer group. Query loads
 * start only at lag 0, so no projection or analysis of earlier phases competes with them for the CPU.
 */
public final class PipelineLag {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineLag.class);

    private final String bootstrap;

    public PipelineLag(String bootstrap) {
        Loopback.requireBootstrap(bootstrap);
        this.bootstrap = bootstrap;
    }

    /**
     * Waits until every consumer group has committed every record, checking every two seconds.
     *
     * @return seconds waited; negative if the limit passed first (the last lag is logged)
     */
    public double awaitZero(Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "docmatrix-bench-lag");
        try (Admin admin = Admin.create(p)) {
            while (true) {
                Map<String, Long> lag = lagByGroup(admin);
                long total = lag.values().stream().mapToLong(Long::longValue).sum();
                if (total == 0) {
                    return (System.nanoTime() - started) / 1e9;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("consumer lag still {} after {}: {}", total, limit, lag);
                    return -1;
                }
                Thread.sleep(2000);
            }
        }
    }

    private static Map<String, Long> lagByGroup(Admin admin) throws Exception {
        Map<String, Long> lag = new HashMap<>();
        for (GroupListing group :
                admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            long behind = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    behind += Math.max(
                            0,
                            ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            lag.put(group.groupId(), behind);
        }
        return lag;
    }
}
