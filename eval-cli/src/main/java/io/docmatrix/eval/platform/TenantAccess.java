package io.docmatrix.eval.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in to a dedicated tenant, creating it on first use as the platform administrator. The tenant administrator's
 * password is generated once and kept in {@code <secrets>/tenant-<name>.password}, the same file
 * {@code deploy/local/ingest-folder} uses, so both tools share the {@code bench} and {@code eval} tenants.
 */
public final class TenantAccess {

    private static final Logger log = LoggerFactory.getLogger(TenantAccess.class);
    private static final String ADMIN = "admin";

    private final GatewaySettings gateway;
    private final Path secretsDir;
    private final Optional<Credentials> platformAdmin;

    public TenantAccess(GatewaySettings gateway, Path secretsDir, Optional<Credentials> platformAdmin) {
        this.gateway = gateway;
        this.secretsDir = secretsDir;
        this.platformAdmin = platformAdmin;
    }

    /** A logged-in client for the administrator of {@code tenant}. */
    public PlatformClient administratorOf(String tenant) {
        Path secret = secretsDir.resolve("tenant-" + tenant + ".password");
        if (!Files.isReadable(secret)) {
            createTenant(tenant, secret);
        }
        PlatformClient client = new PlatformClient(gateway, new Credentials(tenant, ADMIN, read(secret)));
        client.login();
        return client;
    }

    /** A logged-in client for the platform administrator itself (tenant {@code demo} in the local platform). */
    public PlatformClient platformAdministrator() {
        PlatformClient client = new PlatformClient(gateway, requirePlatformAdmin("log in"));
        client.login();
        return client;
    }

    private void createTenant(String tenant, Path secret) {
        Credentials admin = requirePlatformAdmin("create tenant " + tenant);
        PlatformClient platform = new PlatformClient(gateway, admin);
        String password = newPassword();
        if (!platform.createTenant(tenant, ADMIN, password)) {
            throw new PlatformException(
                    "tenant " + tenant + " exists but " + secret + " (its administrator's password) does not; "
                            + "restore that file or choose another tenant name",
                    409);
        }
        write(secret, password);
        log.info("created tenant {}; its administrator's password is kept in {}", tenant, secret);
    }

    private Credentials requirePlatformAdmin(String purpose) {
        return platformAdmin.orElseThrow(() -> new PlatformException(
                "to " + purpose + " the platform administrator's password is needed: set DOCMATRIX_ADMIN_PASSWORD or "
                        + "pass --admin-password-file (deploy/local keeps it in var/local/admin-password)",
                0));
    }

    static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("could not restrict the permissions of {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
