package io.docmatrix.eval.reliability.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local platform's processes, by the PIDs {@code deploy/local} recorded in {@code var/run/<component>.pid}. A PID
 * is used only when {@code /proc/<pid>/cmdline} still shows the component (a recycled PID is never signalled).
 * Restarts go through {@code deploy/local/up}, which starts only what is not running, as an operator would.
 */
public final class Components {

    private static final Logger log = LoggerFactory.getLogger(Components.class);

    private final Path root;
    private final Map<String, String> restartEnvironment = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param root the repository root whose {@code var/run} and {@code deploy/local/up} are used */
    public Components(Path root) {
        this.root = root;
    }

    /** Extra environment for the next restarts (e.g. pointing query-service at the harness's LLM server). */
    public void restartWith(Map<String, String> environment) {
        restartEnvironment.putAll(environment);
    }

    public void clearRestartEnvironment() {
        restartEnvironment.clear();
    }

    /** The recorded PID of a running component; fails when it is not running or the PID is not its process. */
    public long pid(String component) {
        Path file = root.resolve("var/run/" + component + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.ISO_8859_1)
                    .replace('\0', ' ');
            if (!cmdline.contains(marker(component))) {
                throw new IllegalStateException(component + ": PID " + pid + " is not its process: " + cmdline);
            }
            return pid;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(component + " is not running (no live PID in " + file + ")", e);
        }
    }

    private static String marker(String component) {
        return switch (component) {
            case "postgres" -> "postgres";
            case "kafka" -> "kafka.Kafka";
            default -> component + ".jar";
        };
    }

    /** {@code kill -9} of the component's recorded PID; returns when the process is gone. */
    public long kill(String component) {
        long pid = pid(component);
        log.info("kill -9 {} (pid {})", component, pid);
        signal("KILL", pid);
        awaitExit(pid, Duration.ofSeconds(30));
        return pid;
    }

    /** A clean, fast stop by PID (PostgreSQL: SIGINT is its fast shutdown). */
    public long stop(String component, String signal) {
        long pid = pid(component);
        log.info("kill -{} {} (pid {})", signal, component, pid);
        signal(signal, pid);
        awaitExit(pid, Duration.ofSeconds(60));
        return pid;
    }

    /** SIGSTOP: the process stops polling and heart-beating without its sockets closing. */
    public long pause(String component) {
        long pid = pid(component);
        log.info("kill -STOP {} (pid {})", component, pid);
        signal("STOP", pid);
        return pid;
    }

    public void resume(long pid) {
        log.info("kill -CONT {}", pid);
        signal("CONT", pid);
    }

    /**
     * {@code deploy/local/up}: brings back whatever is not running. Tried twice, as an operator would: on this
     * machine a broker or service start under heavy load can outlast {@code up}'s wait once (its output is appended to
     * {@code var/log/faults-up.log}); a second failure is the fault not being recovered.
     *
     * @return how many {@code up} runs it took
     */
    public int up() {
        for (int attempt = 1; ; attempt++) {
            ProcessBuilder builder = new ProcessBuilder(
                            root.resolve("deploy/local/up").toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            root.resolve("var/log/faults-up.log").toFile()));
            builder.environment().putAll(restartEnvironment);
            builder.environment().put("DOCMATRIX_SKIP_BUILD", "1");
            long started = System.nanoTime();
            int exit = run(builder);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (exit == 0) {
                log.info("deploy/local/up brought the platform back in {} s (attempt {})", seconds, attempt);
                return attempt;
            }
            if (attempt == 2) {
                throw new IllegalStateException(
                        "deploy/local/up failed twice (exit " + exit + "); see var/log/faults-up.log");
            }
            log.warn("deploy/local/up failed after {} s (exit {}); running it again", seconds, exit);
        }
    }

    private static void signal(String signal, long pid) {
        int exit = run(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO());
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed (exit " + exit + ")");
        }
    }

    private static void awaitExit(long pid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PID " + pid + " still alive after " + limit);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** Alive and not a zombie (a zombie has an empty cmdline). */
    static boolean alive(long pid) {
        try {
            return Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")).length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int run(ProcessBuilder builder) {
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(builder.command() + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
