package io.docmatrix.embedding;

/** Counts text in an embedding model's own tokens: the only unit in which its input limit is exact. */
public interface Tokenizer {

    /** Tokens the model sees for {@code text}, including its special tokens ({@code [CLS]}, {@code [SEP]}). */
    int countTokens(String text);

    /** The longest input, in tokens including special tokens, the model reads without cutting it. */
    int maxTokens();
}
