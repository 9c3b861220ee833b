package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievalMode;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An answer to a question over the caller's documents.
 *
 * @param answer the sentences joined by spaces; empty when nothing relevant was found
 * @param citations the distinct quotes the sentences rest on
 * @param sentences each sentence with the index of its citation
 * @param mode the retrieval mode used
 * @param answerMode how the sentences were produced
 * @param fallback set when a configured language model was not used, and why
 * @param conversationId the conversation this turn belongs to (pass it back for follow-up questions)
 * @param cached whether the answer came from the answer cache
 * @param unsupported sentences of a model's answer that were dropped because their citations did not support them
 */
public record Answer(
        String answer,
        List<Citation> citations,
        List<AnswerSentence> sentences,
        RetrievalMode mode,
        AnswerMode answerMode,
        @Nullable Fallback fallback,
        @Nullable UUID conversationId,
        boolean cached,
        List<Unsupported> unsupported) {

    public Answer {
        citations = List.copyOf(citations);
        sentences = List.copyOf(sentences);
        unsupported = unsupported == null ? List.of() : List.copyOf(unsupported);
    }

    Answer inConversation(@Nullable UUID conversation, boolean fromCache) {
        return new Answer(
                answer, citations, sentences, mode, answerMode, fallback, conversation, fromCache, unsupported);
    }
}
