package io.docmatrix.ingestion.pipeline;

import io.docmatrix.ingestion.document.ClaimedDocument;
import io.docmatrix.ingestion.document.DocumentLifecycle;
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
 * Runs the configured number of worker threads and the lease sweep. Workers claim documents from the database with
 * {@code SKIP LOCKED}, so any number of instances share the queue without coordination; a worker that dies (even with
 * its JVM) leaves a lease that expires, and the sweep puts the document back in the queue.
 */
@Component
class IngestionWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestionWorkers.class);

    private final DocumentLifecycle lifecycle;
    private final DocumentProcessor processor;
    private final PipelineProperties properties;
    private final TraceContinuation traces;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private ScheduledExecutorService sweeper;

    IngestionWorkers(
            DocumentLifecycle lifecycle,
            DocumentProcessor processor,
            PipelineProperties properties,
            TraceContinuation traces) {
        this.lifecycle = lifecycle;
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
            Thread thread = new Thread(r, "ingestion-lease-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < properties.workers(); i++) {
            String name = instance + "/worker-" + i;
            Thread thread = new Thread(() -> work(name), "ingestion-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        log.info("Started {} ingestion workers as {}", properties.workers(), instance);
    }

    private void work(String worker) {
        while (running) {
            try {
                Optional<ClaimedDocument> claimed = lifecycle.claimNext(worker, properties.lease());
                if (claimed.isEmpty()) {
                    LockSupport.parkNanos(properties.idlePoll().toNanos());
                    continue;
                }
                ClaimedDocument document = claimed.get();
                // The lease stays short so a crashed worker's document is retried soon; a live worker renews it.
                long every = Math.max(1_000, properties.lease().toMillis() / 3);
                ScheduledFuture<?> heartbeat =
                        sweeper.scheduleAtFixedRate(() -> renew(document, worker), every, every, TimeUnit.MILLISECONDS);
                DocumentProcessor.Result result;
                try {
                    result = attempt(document, worker);
                } finally {
                    heartbeat.cancel(false);
                }
                log.info(
                        "Document {} version {} attempt {}: {}",
                        document.id(),
                        document.version(),
                        document.attempt(),
                        result);
            } catch (RuntimeException e) {
                // The document keeps its lease and comes back after it expires; the worker itself must survive.
                log.error("Ingestion worker {} failed on a document; it will be retried after its lease", worker, e);
                LockSupport.parkNanos(properties.idlePoll().toNanos());
            }
        }
    }

    /** One processing attempt in its own span, a child of the upload's trace, so its events continue that trace. */
    DocumentProcessor.Result attempt(ClaimedDocument document, String worker) {
        return traces.resume(document.traceparent(), "ingestion.process", () -> processor.process(document, worker));
    }

    private void renew(ClaimedDocument document, String worker) {
        try {
            lifecycle.renewLease(document, worker, properties.lease());
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of document {}; it may be retried elsewhere", document.id(), e);
        }
    }

    private void sweep() {
        try {
            lifecycle.expireLeases(properties.maxAttempts());
        } catch (RuntimeException e) {
            log.warn("Lease sweep failed; it runs again in {}", properties.sweepInterval(), e);
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
                // A document in progress finishes or keeps its lease; either way nothing is lost.
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
