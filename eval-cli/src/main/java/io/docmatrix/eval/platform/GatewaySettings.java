package io.docmatrix.eval.platform;

import java.net.URI;
import java.time.Duration;

/** Where the gateway is and how patient a call is. */
public record GatewaySettings(URI url, Duration requestTimeout, int maxAttempts) {

    public GatewaySettings {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("gateway URL must be http(s): " + url);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
