package io.docmatrix.ingestion.parsing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parser worker: a child JVM that parses one document at a time for {@link IsolatedDocumentParser}.
 *
 * <p>Protocol on stdin/stdout, all integers big-endian: the worker first writes {@link #READY}; then for each request
 * ({@code int nameLength, name UTF-8, int contentLength, content}) it answers {@code int length, outcome} in the format
 * of {@link OutcomeCodec}. End of stdin ends the worker. stdout carries only the protocol: anything else printing to
 * {@code System.out} (parser libraries, logging) is sent to stderr.
 */
public final class ParserWorkerMain {

    static final int READY = 0x444D5057;
    /** Enables the documents {@code __hang__} and {@code __oom__}, which tests use to prove the worker is killed. */
    static final String TEST_HOOKS_PROPERTY = "docmatrix.parser.worker.test-hooks";

    private ParserWorkerMain() {}

    public static void main(String[] args) throws IOException {
        System.setOut(System.err);
        DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream in =
                new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        exitWhenParentDies();
        Map<String, String> values = values(args);
        ParseLimits limits = limitsFrom(values);
        TikaExtractor extractor = new TikaExtractor(
                limits,
                Boolean.parseBoolean(values.getOrDefault("ocr", "false")),
                values.getOrDefault("ocrLanguage", "eng"));
        // Loads Tika's parsers before the first real document, so start-up never counts against a parse timeout.
        extractor.extract("warm-up.txt", "warm up".getBytes(StandardCharsets.UTF_8));
        out.writeInt(READY);
        out.flush();
        boolean testHooks = Boolean.getBoolean(TEST_HOOKS_PROPERTY);
        while (true) {
            String name;
            byte[] content;
            try {
                name = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                content = in.readNBytes(in.readInt());
            } catch (EOFException e) {
                return;
            }
            if (testHooks) {
                runTestHook(name);
            }
            ParseOutcome outcome;
            try {
                outcome = extractor.extract(name, content);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                outcome = new ParseOutcome.Failed(ParseFailure.UNPARSEABLE_DOCUMENT, e.toString());
            }
            byte[] message = OutcomeCodec.encode(outcome);
            out.writeInt(message.length);
            out.write(message);
            out.flush();
        }
    }

    static List<String> argsFor(ParseLimits limits, OcrSettings ocr) {
        return List.of(
                "timeoutMillis=" + limits.timeout().toMillis(),
                "ocr=" + ocr.tesseract().isPresent(),
                "ocrLanguage=" + ocr.language(),
                "maxFileBytes=" + limits.maxFileBytes(),
                "maxChars=" + limits.maxChars(),
                "maxPages=" + limits.maxPages(),
                "maxZipEntries=" + limits.maxZipEntries(),
                "maxUncompressedBytes=" + limits.maxUncompressedBytes(),
                "maxCompressionRatio=" + limits.maxCompressionRatio());
    }

    private static Map<String, String> values(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return values;
    }

    private static ParseLimits limitsFrom(Map<String, String> values) {
        ParseLimits d = ParseLimits.defaults();
        return new ParseLimits(
                Duration.ofMillis(Long.parseLong(
                        values.getOrDefault("timeoutMillis", "" + d.timeout().toMillis()))),
                Long.parseLong(values.getOrDefault("maxFileBytes", "" + d.maxFileBytes())),
                Integer.parseInt(values.getOrDefault("maxChars", "" + d.maxChars())),
                Integer.parseInt(values.getOrDefault("maxPages", "" + d.maxPages())),
                Integer.parseInt(values.getOrDefault("maxZipEntries", "" + d.maxZipEntries())),
                Long.parseLong(values.getOrDefault("maxUncompressedBytes", "" + d.maxUncompressedBytes())),
                Integer.parseInt(values.getOrDefault("maxCompressionRatio", "" + d.maxCompressionRatio())),
                0,
                List.of());
    }

    @SuppressWarnings({"InfiniteLoopStatement", "MismatchedQueryAndUpdateOfCollection"})
    private static void runTestHook(String name) {
        if (name.equals("__hang__")) {
            long spins = 0;
            while (true) {
                spins++;
                if (spins == Long.MAX_VALUE) {
                    spins = 0;
                }
            }
        }
        if (name.equals("__oom__")) {
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1 << 20]);
            }
        }
    }

    /** A worker stuck in a parse would outlive a crashed service; it watches its parent and leaves with it. */
    private static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread watchdog = new Thread(
                    () -> {
                        parent.onExit().join();
                        Runtime.getRuntime().halt(2);
                    },
                    "parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        });
    }
}
