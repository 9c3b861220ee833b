package io.docmatrix.runtime.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Checks every dependency on its own thread at a fixed interval and serves the last result as the
 * {@code dependencies} health indicator, which the readiness group includes. Probes therefore never wait on a slow
 * database, and every change of state is logged exactly once (not once per probe).
 */
public final class DependencyWatch implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DependencyWatch.class);

    private final List<DependencyCheck> checks;
    private final Duration interval;
    private final Map<String, DependencyState> states = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public DependencyWatch(List<DependencyCheck> checks, Duration interval) {
        this.checks = List.copyOf(checks);
        this.interval = interval;
    }

    /** Runs every check once and records (and logs) transitions; public so tests can drive it without waiting. */
    public void checkNow() {
        for (DependencyCheck check : checks) {
            DependencyState now = check.check();
            DependencyState before = states.put(check.name(), now);
            logTransition(check.name(), before, now);
        }
    }

    private static void logTransition(String name, DependencyState before, DependencyState now) {
        if (before == null) {
            if (!now.up()) {
                log.warn(
                        "Dependency {} is unreachable ({}); reporting not ready until it recovers", name, now.reason());
            }
        } else if (before.up() && !now.up()) {
            log.warn(
                    "Dependency {} became unreachable ({}); reporting not ready until it recovers", name, now.reason());
        } else if (!before.up() && now.up()) {
            log.info("Dependency {} is reachable again; reporting ready", name);
        }
    }

    public boolean allUp() {
        return checks.stream().allMatch(c -> {
            DependencyState state = states.get(c.name());
            return state != null && state.up();
        });
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (DependencyCheck check : checks) {
            DependencyState state = states.get(check.name());
            details.put(check.name(), state == null ? "UNKNOWN" : state.up() ? "UP" : "DOWN: " + state.reason());
        }
        return (allUp() ? Health.up() : Health.outOfService())
                .withDetails(details)
                .build();
    }

    @Override
    public void start() {
        // The first check runs on the watch thread too: startup must not wait on a dependency that is down.
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dependency-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    private void checkSafely() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // A check must never kill the scheduler thread, or readiness would freeze at its last value.
            log.error("Dependency check failed unexpectedly", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            scheduler = null;
        }
        for (DependencyCheck check : checks) {
            if (check instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing dependency check {} failed", check.name(), e);
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
