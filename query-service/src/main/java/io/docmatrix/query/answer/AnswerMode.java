package io.docmatrix.query.answer;

/** How an answer's sentences were produced. */
public enum AnswerMode {
    /** Sentences quoted from the documents, ranked by relevance; needs no external service. */
    EXTRACTIVE,
    /** Written by a language model from the retrieved chunks only, each sentence checked against its citation. */
    LLM
}
