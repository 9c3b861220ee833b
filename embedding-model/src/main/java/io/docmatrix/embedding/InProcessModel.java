package io.docmatrix.embedding;

import java.util.Arrays;

/** The ONNX models packaged by LangChain4j (quantized), with what we must know to run them ourselves. */
public enum InProcessModel {
    /**
     * all-MiniLM-L6-v2: fast; its packaged tokenizer cuts at 128 tokens including {@code [CLS]}/{@code [SEP]}, so chunks
     * must stay below that.
     */
    ALL_MINILM_L6_V2_Q(
            "all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", false, 128),
    /** bge-small-en-v1.5: a 512-token window, CLS pooling, about 3 times slower. */
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", true, 512);

    static final int DIMENSION = 384;

    private final String id;
    final String modelResource;
    final String tokenizerResource;
    final boolean clsPooling;
    final int maxTokens;

    InProcessModel(String id, String modelResource, String tokenizerResource, boolean clsPooling, int maxTokens) {
        this.id = id;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.clsPooling = clsPooling;
        this.maxTokens = maxTokens;
    }

    public String id() {
        return id;
    }

    public static InProcessModel byId(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown embedding model " + id + "; known: " + Arrays.toString(values())));
    }

    /** The model's own tokenizer, without loading the model (cheap; for chunking and estimates). */
    public Tokenizer tokenizer() {
        return new ModelTokenizer(this);
    }
}
