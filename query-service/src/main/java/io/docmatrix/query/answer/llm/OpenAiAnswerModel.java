package io.docmatrix.query.answer.llm;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import io.docmatrix.query.answer.AnswerModel;
import io.docmatrix.query.answer.AnswerModelException;
import io.docmatrix.query.answer.AnswerProperties;
import io.docmatrix.query.answer.LlmPrompt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * One attempt against an OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM) through
 * Spring AI's {@link OpenAiChatModel}, built by hand so that nothing of Spring AI is configured unless an LLM is. The
 * client's own retries are off: {@link ResilientAnswerModel} decides about retrying.
 */
public final class OpenAiAnswerModel implements AnswerModel {

    private final OpenAiChatModel chat;
    private final @Nullable LlmMetrics metrics;

    public OpenAiAnswerModel(AnswerProperties.Llm settings) {
        this(settings, null);
    }

    /** @param metrics where the tokens each reply used are counted; null counts nothing */
    public OpenAiAnswerModel(AnswerProperties.Llm settings, @Nullable LlmMetrics metrics) {
        this.metrics = metrics;
        String key = settings.apiKey() == null || settings.apiKey().isBlank() ? "unused" : settings.apiKey();
        this.chat = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(settings.baseUrl().toString())
                        .apiKey(key)
                        .model(settings.model())
                        .temperature(settings.temperature())
                        .maxTokens(settings.maxTokens())
                        .timeout(settings.timeout())
                        .maxRetries(0)
                        // a streamed reply reports its usage in a last chunk only when asked to
                        .streamUsage(true)
                        .build())
                .build();
    }

    @Override
    public String complete(String tenant, LlmPrompt prompt) {
        try {
            ChatResponse response = chat.call(toPrompt(prompt));
            count(tenant, response);
            if (response == null || response.getResult() == null) {
                throw new AnswerModelException("LLM_UNAVAILABLE", true, "the model returned no choice", null);
            }
            String text = response.getResult().getOutput().getText();
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    @Override
    public void stream(String tenant, LlmPrompt prompt, Consumer<String> pieces) {
        try {
            chat.stream(toPrompt(prompt)).toStream().forEach(response -> {
                count(tenant, response);
                if (response.getResult() != null
                        && response.getResult().getOutput().getText() != null) {
                    pieces.accept(response.getResult().getOutput().getText());
                }
            });
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    /** Counts the usage a response carries (a whole reply, or the last chunk of a stream; other chunks carry none). */
    private void count(String tenant, @Nullable ChatResponse response) {
        if (metrics == null || response == null || response.getMetadata() == null) {
            return;
        }
        Usage usage = response.getMetadata().getUsage();
        if (usage == null) {
            return;
        }
        long prompt = usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
        long completion = usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        if (prompt > 0 || completion > 0) {
            metrics.used(tenant, prompt, completion);
        }
    }

    private static Prompt toPrompt(LlmPrompt prompt) {
        return new Prompt(List.of(new SystemMessage(prompt.system()), new UserMessage(prompt.user())));
    }

    /** Timeouts, I/O errors, 429 and 5xx may pass; other refusals (401, 400, 404) will not. */
    static AnswerModelException classify(RuntimeException e) {
        if (e instanceof AnswerModelException known) {
            return known;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OpenAIServiceException service) {
                int status = service.statusCode();
                boolean retryable = status == 429 || status >= 500;
                return new AnswerModelException(
                        "LLM_UNAVAILABLE", retryable, "the model endpoint answered " + status, e);
            }
            if (t instanceof InterruptedIOException) {
                return new AnswerModelException("LLM_TIMEOUT", false, "the model did not answer in time", e);
            }
            if (t instanceof OpenAIIoException || t instanceof IOException) {
                return new AnswerModelException("LLM_UNAVAILABLE", true, "the model endpoint is unreachable", e);
            }
        }
        return new AnswerModelException("LLM_UNAVAILABLE", true, "the model call failed: " + e.getMessage(), e);
    }
}
