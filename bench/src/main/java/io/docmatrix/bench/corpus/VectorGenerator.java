package io.docmatrix.bench.corpus;

import java.util.SplittableRandom;

/**
 * Unit vectors for seeded chunks and raw pgvector queries: Gaussian components normalized to length one (so cosine
 * distance behaves like that of real sentence embeddings in spread, though not in meaning). Vector {@code i} of a seed
 * is always the same.
 */
public final class VectorGenerator {

    private final long seed;
    private final int dimension;

    public VectorGenerator(long seed, int dimension) {
        this.seed = seed;
        this.dimension = dimension;
    }

    public float[] vector(long index) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            double g = gaussian(random);
            v[i] = (float) g;
            norm += g * g;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
