package dev.worldmind.model.language.moderation.internal;

/**
 * A sparse feature vector: sorted distinct indices and their values.
 *
 * @param indices the non-zero positions, ascending
 * @param values the values at those positions
 */
public record SparseVector(int[] indices, float[] values) {
    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("one value per index");
        }
    }

    /** Returns the number of non-zero entries. */
    public int size() {
        return indices.length;
    }

    /**
     * Returns the dot product with a dense vector.
     *
     * @param dense the dense vector, at least as long as the largest index
     */
    public double dot(float[] dense) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += values[i] * dense[indices[i]];
        }
        return sum;
    }
}
