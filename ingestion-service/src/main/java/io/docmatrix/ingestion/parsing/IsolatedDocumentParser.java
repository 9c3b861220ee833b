package io.docmatrix.ingestion.parsing;

import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses in a supervised child JVM ({@link ParserWorkerMain}). A Java thread stuck in a looping parser cannot be
 * stopped, and an out-of-memory error in a shared heap hurts every request; a separate process with a bounded heap can
 * be killed. The worker is reused across documents and restarted after a timeout, crash or OOM. One document at a time
 * per instance: use several instances for parallel parsing.
 */
public final class IsolatedDocumentParser implements DocumentParser, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IsolatedDocumentParser.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OOM_EXIT = 3;

    private final ParseLimits limits;
    private final OcrSettings ocr;
    private final ExecutorService io = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parser-worker-io");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable Worker worker;
    private int restarts;

    public IsolatedDocumentParser(ParseLimits limits) {
        this(limits, OcrSettings.defaults());
    }

    public IsolatedDocumentParser(ParseLimits limits, OcrSettings ocr) {
        this.limits = limits;
        this.ocr = ocr;
        if (ocr.enabled() && ocr.tesseract().isEmpty()) {
            log.info(
                    "OCR is enabled but tesseract was not found ({}); scanned pages fail with OCR_REQUIRED",
                    ocr.tesseractPath() == null ? "not on the PATH" : ocr.tesseractPath() + " is not executable");
        }
    }

    @Override
    public synchronized ParseOutcome parse(String fileName, byte[] content) {
        if (content.length > limits.maxFileBytes()) {
            return new Failed(ParseFailure.FILE_TOO_LARGE, content.length + " bytes, limit " + limits.maxFileBytes());
        }
        Worker current = ensureWorker();
        Future<byte[]> exchange = io.submit(() -> current.exchange(fileName, content));
        try {
            return OutcomeCodec.decode(exchange.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            stopWorker();
            return new Failed(ParseFailure.PARSE_TIMEOUT, "no result within " + limits.timeout());
        } catch (ExecutionException | IOException e) {
            return crashed(current, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWorker();
            throw new IllegalStateException("interrupted while parsing", e);
        }
    }

    /** How often the worker was (re)started; for tests and metrics. */
    public synchronized int workerStarts() {
        return restarts;
    }

    private ParseOutcome crashed(Worker crashed, Exception e) {
        int exit;
        try {
            exit = crashed.process.waitFor(5, TimeUnit.SECONDS) ? crashed.process.exitValue() : -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        stopWorker();
        if (exit == OOM_EXIT) {
            return new Failed(
                    ParseFailure.MEMORY_LIMIT_EXCEEDED, "worker exhausted its " + limits.workerHeapMb() + " MB heap");
        }
        return new Failed(ParseFailure.PARSER_CRASHED, "worker exited with " + exit + ": " + e.getMessage());
    }

    private Worker ensureWorker() {
        if (worker != null && worker.process.isAlive()) {
            return worker;
        }
        stopWorker();
        Worker started = start();
        worker = started;
        restarts++;
        return started;
    }

    private Worker start() {
        List<String> command = command();
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            ocr.tesseract().ifPresent(tesseract -> {
                // The worker (Tika) runs the first tesseract on its PATH: put the configured one first.
                String path = builder.environment().getOrDefault("PATH", "");
                builder.environment().put("PATH", tesseract.getParent() + java.io.File.pathSeparator + path);
            });
            // One OpenMP thread per tesseract run: pages are read one at a time and the cores are shared with the
            // embedding workers; Tesseract's own threading costs more than it gains on small machines.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            drain(process);
            Worker started = new Worker(process);
            Future<Integer> ready = io.submit(() -> started.in.readInt());
            int hello = ready.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (hello != ParserWorkerMain.READY) {
                process.destroyForcibly();
                throw new IllegalStateException("parser worker spoke an unknown protocol");
            }
            log.info("Started parser worker pid {}", process.pid());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start parser worker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("parser worker did not start: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the parser worker", e);
        }
    }

    /** The same JVM and classpath as this service; in a Boot jar the worker class is reached via its launcher. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.workerHeapMb() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.addAll(limits.workerJvmArgs());
        String classPath = System.getProperty("java.class.path");
        command.add("-cp");
        command.add(classPath);
        if (isBootJar(classPath)) {
            command.add("-Dloader.main=" + ParserWorkerMain.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(ParserWorkerMain.class.getName());
        }
        command.addAll(ParserWorkerMain.argsFor(limits, ocr));
        return command;
    }

    private static boolean isBootJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Worker diagnostics (parser warnings) go to this service's log instead of filling a pipe and blocking it. */
    private static void drain(Process process) {
        Thread drainer = new Thread(
                () -> {
                    try (BufferedReader err = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = err.readLine()) != null) {
                            log.debug("parser worker {}: {}", process.pid(), line);
                        }
                    } catch (IOException e) {
                        log.trace("parser worker stderr closed", e);
                    }
                },
                "parser-worker-stderr");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void stopWorker() {
        Worker current = worker;
        worker = null;
        if (current != null) {
            current.process.destroyForcibly();
            try {
                current.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        stopWorker();
        io.shutdownNow();
    }

    private static final class Worker {
        final Process process;
        final DataInputStream in;
        final DataOutputStream out;

        Worker(Process process) {
            this.process = process;
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
            this.out = new DataOutputStream(process.getOutputStream());
        }

        byte[] exchange(String fileName, byte[] content) throws IOException {
            byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            out.writeInt(content.length);
            out.write(content);
            out.flush();
            return in.readNBytes(in.readInt());
        }
    }
}
