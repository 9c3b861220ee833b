package io.docmatrix.blob;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real S3-compatible server for tests: Adobe's S3Mock, started from its executable jar as a child JVM (it is a
 * Spring Boot 4.1 application; in-process it would meet the services' own Boot). One server per test JVM, shared by
 * every test class, holding the bucket {@link #BUCKET}; tests isolate themselves by random keys. Maven copies the jar
 * to {@code target/s3mock} and names it in the system property {@code docmatrix.s3mock.jar}.
 */
public final class S3MockServer {

    public static final String BUCKET = "docmatrix-test";
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static @Nullable S3MockServer shared;

    private final Process process;
    private final int port;
    private final Path log;

    private S3MockServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The JVM's server, started on first use and stopped when the JVM exits. */
    public static synchronized S3MockServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            S3MockServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "s3mock-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings reaching this server's bucket; S3Mock accepts any credentials. */
    public S3Settings settings() {
        return S3Settings.local(endpoint(), BUCKET, "test-access-key", "test-secret-key");
    }

    private static S3MockServer start() {
        String jar = System.getProperty("docmatrix.s3mock.jar", "target/s3mock/s3mock.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Mock jar not found at " + jar
                    + "; run the tests through Maven (verify), which copies it there before integration tests");
        }
        try {
            int port = freePort();
            Path root = Files.createTempDirectory("s3mock-store");
            Path log = Path.of(jar).resolveSibling("s3mock-" + port + ".log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar,
                    "--http.port=" + port,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--spring.main.banner-mode=off",
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=false");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            S3MockServer server = new S3MockServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start S3Mock", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": " + logTail());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for S3Mock", e);
            }
        }
        stop();
        throw new IllegalStateException("S3Mock did not answer within " + STARTUP + ": " + logTail());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) endpoint().resolve("/" + BUCKET).toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            connection.setRequestMethod("HEAD");
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops the server (also used by the shutdown hook). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A port nobody listens on right now, for the server or for a test that needs a dead endpoint. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
