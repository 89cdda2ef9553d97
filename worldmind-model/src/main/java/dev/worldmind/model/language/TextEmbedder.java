package dev.worldmind.model.language;

import java.util.List;

/**
 * Turns sentences into fixed-length vectors whose cosine similarity reflects meaning. Vectors are
 * L2-normalised, so a dot product is the cosine. Implementations are thread-safe and own native
 * resources until closed.
 */
public interface TextEmbedder extends AutoCloseable {
    /** Returns the embedder's name, e.g. {@code all-minilm-l6-v2}, for provenance. */
    String name();

    /** Returns the length of every vector. */
    int dimension();

    /**
     * Embeds texts.
     *
     * @param texts the texts; empty ones embed like a lone separator token
     * @return one unit-length vector per text, in order
     */
    float[][] embed(List<String> texts);

    /**
     * Embeds one text.
     *
     * @param text the text
     * @return its unit-length vector
     */
    default float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /**
     * Returns the cosine similarity of two unit-length vectors.
     *
     * @param a one vector
     * @param b another of the same length
     */
    static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in length: " + a.length + " vs " + b.length);
        }
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Override
    void close();
}
