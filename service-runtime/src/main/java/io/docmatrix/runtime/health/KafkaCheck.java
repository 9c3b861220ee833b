package io.docmatrix.runtime.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the broker to describe the cluster. One admin client is kept for the life of the service because creating one
 * per check would open a new connection every few seconds; it reconnects by itself when the broker returns.
 */
final class KafkaCheck implements DependencyCheck, AutoCloseable {

    private final AdminClient admin;
    private final Duration timeout;

    KafkaCheck(Map<String, Object> adminConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "dependency-watch");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        this.admin = AdminClient.create(config);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public DependencyState check() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return DependencyState.healthy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DependencyState.down("interrupted");
        } catch (TimeoutException e) {
            return DependencyState.down("no answer from the broker within " + timeout.toMillis() + " ms");
        } catch (ExecutionException | RuntimeException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                return DependencyState.down("no answer from the broker within " + timeout.toMillis() + " ms");
            }
            return DependencyState.down(DatabaseCheck.rootMessage(e));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
