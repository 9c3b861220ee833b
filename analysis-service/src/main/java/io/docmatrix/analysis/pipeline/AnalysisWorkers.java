package io.docmatrix.analysis.pipeline;

import io.docmatrix.runtime.observability.TraceContinuation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the analysis worker threads and the sweep. Workers claim analyses from the database with {@code SKIP LOCKED},
 * so instances share the queue without coordination and the Kafka listeners never wait for an analysis. A worker
 * that dies leaves a lease that expires; the sweep requeues its analysis and fails versions whose chunks never
 * completed.
 */
@Component
class AnalysisWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalysisWorkers.class);

    private final AnalysisRuns runs;
    private final AnalysisProcessor processor;
    private final PipelineProperties properties;
    private final TraceContinuation traces;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private ScheduledExecutorService sweeper;

    AnalysisWorkers(
            AnalysisRuns runs, AnalysisProcessor processor, PipelineProperties properties, TraceContinuation traces) {
        this.runs = runs;
        this.processor = processor;
        this.properties = properties;
        this.traces = traces;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        sweeper = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "analysis-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < properties.workers(); i++) {
            String name = instance + "/analysis-" + i;
            Thread thread = new Thread(() -> work(name), "analysis-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        log.info("Started {} analysis workers as {}", properties.workers(), instance);
    }

    private void work(String worker) {
        while (running) {
            try {
                Optional<ClaimedAnalysis> claimed = runs.claimNext(worker, properties.lease());
                if (claimed.isEmpty()) {
                    LockSupport.parkNanos(properties.idlePoll().toNanos());
                    continue;
                }
                ClaimedAnalysis analysis = claimed.get();
                long every = Math.max(1_000, properties.lease().toMillis() / 3);
                ScheduledFuture<?> heartbeat =
                        sweeper.scheduleAtFixedRate(() -> renew(analysis, worker), every, every, TimeUnit.MILLISECONDS);
                AnalysisProcessor.Result result;
                try {
                    // One span per attempt, a child of the trace that queued the analysis.
                    result = traces.resume(
                            analysis.traceparent(), "analysis.process", () -> processor.process(analysis, worker));
                } finally {
                    heartbeat.cancel(false);
                }
                log.info(
                        "Analysis {} of document {} version {} attempt {}: {}",
                        analysis.id(),
                        analysis.documentId(),
                        analysis.version(),
                        analysis.attempts(),
                        result);
            } catch (RuntimeException e) {
                // The analysis keeps its lease and comes back after it expires; the worker itself must survive.
                log.error("Analysis worker {} failed; the analysis is retried after its lease", worker, e);
                LockSupport.parkNanos(properties.idlePoll().toNanos());
            }
        }
    }

    private void renew(ClaimedAnalysis analysis, String worker) {
        try {
            runs.renewLease(analysis, worker, properties.lease());
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of analysis {}", analysis.id(), e);
        }
    }

    private void sweep() {
        try {
            runs.expireLeases(properties.maxAttempts());
            runs.failUnreadable()
                    .forEach(v -> log.warn(
                            "Document {} version {} had an unreadable chunk; its analysis FAILED",
                            v.documentId(),
                            v.version()));
            runs.failIncomplete(properties.chunkTimeout())
                    .forEach(v -> log.warn(
                            "Document {} version {} received {} of {} chunks in time; its analysis FAILED",
                            v.documentId(),
                            v.version(),
                            v.staged(),
                            v.expected()));
        } catch (RuntimeException e) {
            log.warn("Analysis sweep failed; it runs again in {}", properties.sweepInterval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
