package io.docmatrix.runtime.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topics a service writes, in the background and until it succeeds. Spring's own creation runs once at
 * startup and blocks it; when the broker is down then, the topics would never appear. Retrying with a capped backoff
 * lets a service start without Kafka and finish its setup by itself when the broker arrives.
 */
final class OwnedTopicsProvisioner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OwnedTopicsProvisioner.class);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final KafkaAdmin admin;
    private final List<NewTopic> topics;
    private volatile ScheduledExecutorService executor;
    private volatile boolean provisioned;

    OwnedTopicsProvisioner(KafkaAdmin admin, List<NewTopic> topics) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
    }

    boolean provisioned() {
        return provisioned;
    }

    @Override
    public void start() {
        if (topics.isEmpty()) {
            provisioned = true;
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "owned-topics");
            thread.setDaemon(true);
            return thread;
        });
        executor = scheduler;
        scheduler.execute(() -> attempt(scheduler, FIRST_DELAY));
    }

    private void attempt(ScheduledExecutorService scheduler, Duration nextDelay) {
        try {
            admin.createOrModifyTopics(topics.toArray(NewTopic[]::new));
            provisioned = true;
            log.info(
                    "Owned topics are in place: {}",
                    topics.stream().map(NewTopic::name).toList());
        } catch (RuntimeException e) {
            log.warn("Could not create owned topics yet ({}); retrying in {}s", e.getMessage(), nextDelay.toSeconds());
            Duration after = nextDelay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : nextDelay.multipliedBy(2);
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> attempt(scheduler, after), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null) {
            scheduler.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null || (provisioned && !topics.isEmpty());
    }
}
