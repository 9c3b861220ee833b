package io.docmatrix.bench.peer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;
import io.docmatrix.embedding.Tokenizer;

/**
 * LangChain4j's token-count port over the embedding model's own tokenizer, so the peer's splitter sizes segments in
 * exactly the tokens ingestion's chunker uses (special tokens included), not in an OpenAI tokenizer's.
 */
final class ModelTokenCount implements TokenCountEstimator {

    private final Tokenizer tokenizer;

    ModelTokenCount(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public int estimateTokenCountInText(String text) {
        return tokenizer.countTokens(text);
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        throw new UnsupportedOperationException("the peer counts document text only");
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        throw new UnsupportedOperationException("the peer counts document text only");
    }
}
