package io.docmatrix.analysis.clause;

import io.docmatrix.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** Embedding of exemplar texts: the built-in ones at startup, learned ones on request. */
final class ExemplarTexts {

    private ExemplarTexts() {}

    static List<ExemplarText> builtIn() {
        return ClauseCategories.readTsv("clauses/exemplars.tsv", 2).stream()
                .map(row -> new ExemplarText(row[0], row[1]))
                .toList();
    }

    static List<Exemplar> embed(EmbeddingModel model, List<ExemplarText> texts) {
        List<float[]> vectors =
                model.embed(texts.stream().map(t -> fitToModel(model, t.text())).toList());
        List<Exemplar> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new Exemplar(texts.get(i).category(), vectors.get(i)));
        }
        return out;
    }

    /**
     * The longest prefix, cut at a space, that the model reads whole. A clause is identified by its opening words, and
     * a silently truncated input would give a vector of text the caller cannot see.
     */
    static String fitToModel(EmbeddingModel model, String text) {
        String fitted = text.strip();
        while (model.countTokens(fitted) > model.maxTokens()) {
            int cut = fitted.lastIndexOf(' ', (int) (fitted.length() * 0.85));
            fitted = cut > 0 ? fitted.substring(0, cut) : fitted.substring(0, (int) (fitted.length() * 0.85));
        }
        return fitted;
    }
}
