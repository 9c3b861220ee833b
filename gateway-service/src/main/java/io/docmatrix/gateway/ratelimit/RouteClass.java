package io.docmatrix.gateway.ratelimit;

import java.util.Locale;

/** Kinds of request with separate budgets, because their cost differs by orders of magnitude. */
public enum RouteClass {
    /** Document uploads: each one starts extraction, chunking and embedding. */
    UPLOADS,
    /** Searches and questions: each one embeds the query and may call a language model. */
    QUERIES,
    /** Token requests, limited per client address since the caller is not known yet. */
    LOGIN,
    /** Everything else an authenticated caller does. */
    OTHER;

    public static RouteClass of(String method, String path) {
        if ("POST".equals(method) && path.equals("/api/v1/documents")) {
            return UPLOADS;
        }
        if (path.equals("/api/v1/search") || path.equals("/api/v1/query") || path.startsWith("/api/v1/query/")) {
            return QUERIES;
        }
        if ("POST".equals(method) && (path.equals("/api/v1/auth/token") || path.equals("/api/v1/auth/refresh"))) {
            return LOGIN;
        }
        return OTHER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
