package io.docmatrix.analysis.clause;

import io.docmatrix.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real model with a disk cache of vectors by text, so that repeated evaluation runs embed each text once. */
final class CachingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel model;
    private final Path file;
    private final Map<String, float[]> cache = new HashMap<>();

    CachingEmbeddingModel(EmbeddingModel model, Path file) throws IOException {
        this.model = model;
        this.file = file;
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String text = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    cache.put(text, v);
                }
            } catch (EOFException end) {
                // the whole cache was read
            }
        }
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public int countTokens(String text) {
        return model.countTokens(text);
    }

    @Override
    public int maxTokens() {
        return model.maxTokens();
    }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        List<String> missing =
                texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = model.embed(missing);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i), vectors.get(i));
                    if (missing.get(i).length() < 20_000) {
                        out.writeUTF(missing.get(i));
                        out.writeInt(vectors.get(i).length);
                        for (float x : vectors.get(i)) {
                            out.writeFloat(x);
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(cache.get(t)));
        return out;
    }
}
