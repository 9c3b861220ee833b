package io.docmatrix.bench.peer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * LangChain4j's in-process embedding model over the same ONNX file, tuned the way ingestion's model is: one ONNX
 * Runtime thread per call without spinning, and LangChain4j's own parallel embedding over an executor of as many
 * workers as ingestion has. Its packaged classes open the session with default options (a thread pool per core), which
 * stack.md measured at 0.3-0.85x on two cores; a peer handicapped like that would flatter us.
 */
final class TunedOnnxModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;

    private TunedOnnxModel(Executor executor, OnnxBertBiEncoder encoder) {
        super(executor);
        this.encoder = encoder;
    }

    /**
     * @param resource the ONNX file and tokenizer inside the LangChain4j jar, e.g. {@code bge-small-en-v1.5-q}
     * @param pooling CLS for bge, MEAN for MiniLM
     */
    static TunedOnnxModel load(String resource, PoolingMode pooling, Executor executor) {
        ClassLoader loader = TunedOnnxModel.class.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(resource + ".onnx");
                InputStream tokenizer = loader.getResourceAsStream(resource + "-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new TunedOnnxModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer, pooling));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + resource, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
