package dev.worldmind.model.language.moderation.internal;

import dev.worldmind.data.interaction.SparseVector;
import java.util.List;

/**
 * Weighs hashed term counts by sublinear term frequency times inverse document frequency, scales
 * the result to unit length and appends the shape features: the input of the spam classifier.
 * Immutable and thread-safe.
 *
 * @param bits log2 of the number of hashed buckets
 * @param bigrams whether word pairs are hashed too
 * @param idf the inverse document frequency of each bucket
 */
public record TfIdf(int bits, boolean bigrams, float[] idf) {
    public TfIdf {
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("hash bits lie in [8, 24]: " + bits);
        }
        if (idf.length != 1 << bits) {
            throw new IllegalArgumentException("one idf per bucket: " + idf.length);
        }
    }

    /** Returns the length of the feature vectors: the buckets plus the shape features. */
    public int dimension() {
        return (1 << bits) + TextHashing.SHAPE_FEATURES;
    }

    /**
     * Learns document frequencies from training texts' counts, smoothed as if one more document
     * held every term: {@code idf = ln((1 + n) / (1 + df)) + 1}.
     *
     * @param counts the training documents' term counts
     * @param bits log2 of the number of buckets
     * @param bigrams whether the counts include word pairs
     * @return the weighting
     */
    public static TfIdf fit(List<SparseVector> counts, int bits, boolean bigrams) {
        int[] df = new int[1 << bits];
        for (SparseVector v : counts) {
            for (int k = 0; k < v.size(); k++) {
                df[v.index(k)]++;
            }
        }
        float[] idf = new float[df.length];
        double n = counts.size();
        for (int i = 0; i < df.length; i++) {
            idf[i] = (float) (Math.log((1 + n) / (1 + df[i])) + 1);
        }
        return new TfIdf(bits, bigrams, idf);
    }

    /**
     * Turns a text into its feature vector.
     *
     * @param text the text
     * @return the features
     */
    public SparseVector features(String text) {
        return weigh(TextHashing.counts(text, bits, bigrams), TextHashing.shape(text));
    }

    /**
     * Weighs precomputed counts and appends shape features.
     *
     * @param counts the text's hashed counts
     * @param shape its shape features
     * @return the features
     */
    public SparseVector weigh(SparseVector counts, float[] shape) {
        int n = counts.size();
        int[] idx = new int[n + shape.length];
        float[] val = new float[n + shape.length];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            idx[i] = counts.index(i);
            val[i] = (float) ((1 + Math.log(counts.value(i))) * idf[idx[i]]);
            norm += val[i] * val[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            val[i] *= scale;
        }
        int base = 1 << bits;
        for (int j = 0; j < shape.length; j++) {
            idx[n + j] = base + j;
            val[n + j] = shape[j];
        }
        return new SparseVector(idx, val);
    }
}
