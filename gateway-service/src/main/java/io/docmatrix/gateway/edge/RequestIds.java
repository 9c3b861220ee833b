package io.docmatrix.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Request ids tie a client's report to the logs of every service a request touched. A client's own id is kept when it
 * is a short plain token; anything else (too long, or characters that could forge log lines or headers) is replaced.
 */
public final class RequestIds {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RequestIds() {}

    public static String accept(@Nullable String offered) {
        return offered != null && SANE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
