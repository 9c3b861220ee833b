package io.docmatrix.bench.query;

import io.docmatrix.bench.platform.PlatformClient.Answer;
import io.docmatrix.bench.report.Latency;
import io.docmatrix.bench.report.Results.QueryLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed loop: {@code clients} callers, each sending its next request as soon as its previous one answered, until
 * the time limit or the request budget is spent. Throughput is what the system sustains at that concurrency, and the
 * latency is free of the coordinated-omission error of open loops only because nothing is scheduled ahead; both are
 * reported together for that reason.
 */
public final class ClosedLoopLoad {

    /** One request: the n-th call of the whole load (so every call gets its own question). */
    @FunctionalInterface
    public interface Call {
        Answer send(long n) throws Exception;
    }

    private ClosedLoopLoad() {}

    public static QueryLoad run(
            int chunks, String endpoint, String route, int clients, Duration limit, long maxRequests, Call call)
            throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Histogram total = Latency.histogram();
        try {
            List<Future<Histogram>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    Histogram mine = Latency.histogram();
                    long n;
                    while (System.nanoTime() < deadline && (n = issued.getAndIncrement()) < maxRequests) {
                        try {
                            Answer answer = call.send(n);
                            if (answer.ok()) {
                                Latency.record(mine, answer.nanos());
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return mine;
                }));
            }
            for (Future<Histogram> result : results) {
                total.add(result.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = total.getTotalCount() + errors.get();
        return new QueryLoad(
                chunks,
                endpoint,
                route,
                clients,
                requests,
                errors.get(),
                seconds,
                total.getTotalCount() / seconds,
                Latency.of(total));
    }
}
