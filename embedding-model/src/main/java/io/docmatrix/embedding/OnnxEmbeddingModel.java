package io.docmatrix.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a packaged ONNX model in-process. ONNX Runtime is driven directly rather than through LangChain4j's model
 * classes because those create their session with default options: one intra-op thread pool per core, which on two
 * cores oversubscribes the CPU (measured 0.3-0.85x). Here each call uses one thread and a bounded pool runs one text per
 * worker, with thread spinning off; padding texts into batches was measured slower than per-text calls.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel, AutoCloseable {

    private final InProcessModel model;
    private final ModelTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Set<String> inputs;
    private final ExecutorService workers;

    public OnnxEmbeddingModel(InProcessModel model, int threads) {
        this.model = model;
        this.tokenizer = new ModelTokenizer(model);
        this.environment = OrtEnvironment.getEnvironment();
        try (InputStream onnx = InProcessModel.class.getClassLoader().getResourceAsStream(model.modelResource);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (onnx == null) {
                throw new IllegalStateException("model " + model.modelResource + " not on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // Spinning threads waiting for work burn the core the other worker needs: measured 37 -> 80 texts/s for
            // MiniLM at 128 tokens with two workers on two shared cores.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(onnx.readAllBytes(), options);
            this.inputs = session.getInputNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + model.id(), e);
        }
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "embedding-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public int dimension() {
        return InProcessModel.DIMENSION;
    }

    @Override
    public int maxTokens() {
        return model.maxTokens;
    }

    @Override
    public int countTokens(String text) {
        return tokenizer.countTokens(text);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (String text : texts) {
            Encoding encoding = tokenizer.encode(text);
            if (encoding.getIds().length > model.maxTokens) {
                throw new IllegalArgumentException("text has " + encoding.getIds().length + " tokens; " + model.id()
                        + " reads " + model.maxTokens + " and would ignore the rest");
            }
            encodings.add(encoding);
        }
        List<Future<float[]>> futures = new ArrayList<>(texts.size());
        for (Encoding encoding : encodings) {
            futures.add(workers.submit(() -> run(encoding)));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        try {
            for (Future<float[]> future : futures) {
                vectors.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new EmbeddingFailedException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new EmbeddingFailedException("embedding failed in " + model.id(), e.getCause());
        }
        return vectors;
    }

    private float[] run(Encoding encoding) throws OrtException {
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            tensors.put("input_ids", OnnxTensor.createTensor(environment, new long[][] {ids}));
            tensors.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] {mask}));
            if (inputs.contains("token_type_ids")) {
                tensors.put(
                        "token_type_ids", OnnxTensor.createTensor(environment, new long[][] {new long[ids.length]}));
            }
            try (OrtSession.Result result = session.run(tensors)) {
                float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                return Vectors.normalize(model.clsPooling ? hidden[0] : meanPool(hidden, mask));
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanPool(float[][] hidden, long[] mask) {
        float[] sum = new float[hidden[0].length];
        int count = 0;
        for (int t = 0; t < hidden.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += hidden[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, count);
        }
        return sum;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            // A run already inside ONNX Runtime cannot be interrupted; closing the session under it crashes the JVM
            // (seen as SIGSEGV in libonnxruntime at shutdown). Wait for in-flight runs, and if they do not finish,
            // leave the session to the process exit rather than free it under them.
            if (!workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
            session.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
