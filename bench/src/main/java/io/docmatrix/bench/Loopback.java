package io.docmatrix.bench;

import java.net.URI;
import java.util.Set;

/**
 * The bench generates real load, so it only ever talks to this machine: every address it is given must be a loopback
 * address, checked before the first connection.
 */
public final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Loopback() {}

    public static URI requireHttp(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("the bench only targets this machine; not a loopback http URL: " + url);
        }
        return uri;
    }

    public static void requireJdbc(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        requireHttp("http://" + url.substring("jdbc:postgresql://".length()));
    }

    /** A Kafka bootstrap list such as {@code 127.0.0.1:9092}; every entry must be local. */
    public static void requireBootstrap(String servers) {
        for (String server : servers.split(",")) {
            requireHttp("http://" + server.strip());
        }
    }
}
