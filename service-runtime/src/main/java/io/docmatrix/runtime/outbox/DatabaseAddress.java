package io.docmatrix.runtime.outbox;

import java.util.regex.Matcher;

/** Where the relay's replication connection goes, taken from the service's own JDBC URL. */
record DatabaseAddress(String host, int port, String database) {

    private static final java.util.regex.Pattern URL =
            java.util.regex.Pattern.compile("jdbc:postgresql://([^/:?,]+)(?::(\\d+))?/([^?;]+)(?:[?;].*)?");

    /**
     * Parses {@code jdbc:postgresql://host[:port]/database[?params]}. Multi-host URLs are refused: a replication slot
     * lives on one server, and following a failover is the platform's job, not the URL's.
     */
    static DatabaseAddress fromJdbcUrl(String url) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "the outbox relay needs a single-host jdbc:postgresql://host[:port]/database URL but got " + url);
        }
        int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
        return new DatabaseAddress(matcher.group(1), port, matcher.group(3));
    }
}
