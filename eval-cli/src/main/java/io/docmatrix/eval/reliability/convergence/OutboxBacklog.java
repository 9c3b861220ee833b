package io.docmatrix.eval.reliability.convergence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox backlog each relaying service exports ({@code docmatrix_outbox_backlog} on {@code /actuator/prometheus}):
 * events written but not yet acknowledged by Kafka.
 */
public final class OutboxBacklog {

    private final Map<String, URI> services;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param services service name to its base URL */
    public OutboxBacklog(Map<String, URI> services) {
        this.services = services;
    }

    /** Backlog per service; -1 for a service that did not answer (down or restarting counts as not drained). */
    public Map<String, Long> backlog() {
        Map<String, Long> result = new TreeMap<>();
        services.forEach((name, url) -> result.put(name, scrape(url.resolve("/actuator/prometheus"))));
        return result;
    }

    private long scrape(URI uri) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            return parse(response.body());
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sums every {@code docmatrix_outbox_backlog} sample (one per slot); 0 when the service exports none. */
    static long parse(String exposition) {
        long sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("docmatrix_outbox_backlog")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                sum += (long) Double.parseDouble(value);
            }
        }
        return sum;
    }
}
