package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.List;

/** Sentences with their citations while an answer is being built; citations are de-duplicated by span. */
final class Grounded {

    private final List<Citation> citations = new ArrayList<>();
    private final List<AnswerSentence> sentences = new ArrayList<>();
    private final List<Unsupported> unsupported = new ArrayList<>();

    /**
     * Adds a sentence citing {@code chunk.text().substring(from, to)}.
     *
     * @return the sentence as added
     */
    AnswerSentence add(String sentence, RetrievedChunk chunk, int from, int to) {
        Citation citation = Quotes.cite(chunk, from, to);
        int index = citations.indexOf(citation);
        if (index < 0) {
            citations.add(citation);
            index = citations.size() - 1;
        }
        AnswerSentence added = new AnswerSentence(sentence, index);
        sentences.add(added);
        return added;
    }

    void reject(String sentence, String reason) {
        unsupported.add(new Unsupported(sentence, reason));
    }

    List<Citation> citations() {
        return List.copyOf(citations);
    }

    List<AnswerSentence> sentences() {
        return List.copyOf(sentences);
    }

    List<Unsupported> unsupported() {
        return List.copyOf(unsupported);
    }

    boolean isEmpty() {
        return sentences.isEmpty();
    }

    String text() {
        return String.join(" ", sentences.stream().map(AnswerSentence::text).toList());
    }
}
