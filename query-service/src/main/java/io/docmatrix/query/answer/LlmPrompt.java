package io.docmatrix.query.answer;

/**
 * What a language model is asked: fixed instructions (system) and the delimited documents, conversation and question
 * (user). Nothing else ever enters a prompt.
 */
public record LlmPrompt(String system, String user) {}
