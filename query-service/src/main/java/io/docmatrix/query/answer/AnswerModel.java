package io.docmatrix.query.answer;

import java.util.function.Consumer;

/** A language model that writes an answer from a prompt (port; the adapter in {@code llm} talks to the endpoint). */
public interface AnswerModel {

    /**
     * The model's whole reply.
     *
     * @param tenant the asking tenant's slug, for metrics (calls, tokens per tenant); never sent to the model
     * @throws AnswerModelException when the model failed, timed out or is not being called (circuit open)
     */
    String complete(String tenant, LlmPrompt prompt);

    /**
     * Streams the reply in pieces as the model produces them; returns when the reply is complete.
     *
     * @throws AnswerModelException as {@link #complete}, possibly after some pieces were delivered
     */
    void stream(String tenant, LlmPrompt prompt, Consumer<String> pieces);
}
