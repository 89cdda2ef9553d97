package dev.worldmind.model.recommend;

import dev.worldmind.model.language.TextEmbedder;
import java.util.List;
import java.util.Locale;

/**
 * Hashed bag of words (the "hashing trick", Weinberger et al., 2009): each lower-cased word adds 1
 * to one of {@code dimension} buckets, then the vector is L2-normalised, so the cosine of two texts
 * counts their shared words. A real, deterministic embedder for unit tests that must not load
 * MiniLM; texts without words embed as zero.
 */
final class HashedWordsEmbedder implements TextEmbedder {
    private final int dimension;

    HashedWordsEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "hashed-words-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int t = 0; t < out.length; t++) {
            float[] v = new float[dimension];
            for (String word : texts.get(t).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    v[Math.floorMod(word.hashCode(), dimension)] += 1;
                }
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int d = 0; d < dimension && norm > 0; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            out[t] = v;
        }
        return out;
    }

    @Override
    public void close() {}
}
