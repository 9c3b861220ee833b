package io.docmatrix.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The model's HuggingFace tokenizer with truncation and padding switched off: the packaged tokenizer files truncate
 * (MiniLM at 128) and pad, which would hide exactly the overflow we need to see.
 */
final class ModelTokenizer implements Tokenizer {

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;

    ModelTokenizer(InProcessModel model) {
        this.maxTokens = model.maxTokens;
        try (InputStream json = InProcessModel.class.getClassLoader().getResourceAsStream(model.tokenizerResource)) {
            if (json == null) {
                throw new IllegalStateException("tokenizer " + model.tokenizerResource + " not on the classpath");
            }
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    json, Map.of("truncation", "false", "padding", "false", "maxLength", "100000"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int countTokens(String text) {
        return encode(text).getIds().length;
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    Encoding encode(String text) {
        return tokenizer.encode(text, true, false);
    }
}
