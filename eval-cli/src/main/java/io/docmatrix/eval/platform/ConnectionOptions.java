package io.docmatrix.eval.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Command-line options shared by every command: where the gateway is and where credentials live. */
public final class ConnectionOptions {

    @Option(
            names = "--gateway",
            defaultValue = "${env:GATEWAY_URL:-http://127.0.0.1:8080}",
            description = "Gateway base URL (default: $GATEWAY_URL or ${DEFAULT-VALUE}).")
    URI gateway = URI.create("http://127.0.0.1:8080");

    @Option(
            names = "--secrets-dir",
            defaultValue = "var/local/secrets",
            description = "Where tenant-<name>.password files are kept (default: ${DEFAULT-VALUE}).")
    Path secretsDir = Path.of("var/local/secrets");

    @Option(
            names = "--admin-password-file",
            defaultValue = "var/local/admin-password",
            description = "The platform administrator's password (tenant demo, user admin) when"
                    + " DOCMATRIX_ADMIN_PASSWORD is not set (default: ${DEFAULT-VALUE}).")
    Path adminPasswordFile = Path.of("var/local/admin-password");

    @Option(
            names = "--request-timeout",
            defaultValue = "PT120S",
            description = "Per-request timeout, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout = Duration.ofSeconds(120);

    @Option(
            names = "--max-attempts",
            defaultValue = "6",
            description = "Attempts per call on 429/503 and connection errors (default: ${DEFAULT-VALUE}).")
    int maxAttempts = 6;

    public GatewaySettings gatewaySettings() {
        return new GatewaySettings(gateway, requestTimeout, maxAttempts);
    }

    public TenantAccess tenants() {
        return new TenantAccess(gatewaySettings(), secretsDir, platformAdmin());
    }

    private Optional<Credentials> platformAdmin() {
        String fromEnvironment = System.getenv("DOCMATRIX_ADMIN_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Credentials("demo", "admin", fromEnvironment));
        }
        if (Files.isReadable(adminPasswordFile)) {
            try {
                return Optional.of(new Credentials(
                        "demo", "admin", Files.readString(adminPasswordFile).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }
}
