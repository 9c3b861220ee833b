package io.docmatrix.query.answer;

/** Receives a streamed answer: sentences as they are verified, then the whole answer. */
public interface AnswerListener {

    /** A verified sentence and its citation; {@code newCitation} is false when an earlier sentence cited it already. */
    void sentence(AnswerSentence sentence, Citation citation, boolean newCitation);

    /** The sentences sent so far are void (the model failed mid-answer); the fallback answer follows. */
    void reset();

    void done(Answer answer);
}
