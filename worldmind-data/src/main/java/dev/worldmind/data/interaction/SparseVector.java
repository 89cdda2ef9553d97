package dev.worldmind.data.interaction;

import java.util.Arrays;

/**
 * A sparse vector: indices in increasing order without repeats, each with a value. A user's row of
 * an {@link InteractionMatrix} (the items and their weights) is one.
 *
 * @param indices the positions, strictly increasing
 * @param values the value at each position
 */
public record SparseVector(int[] indices, float[] values) {
    /** An empty vector. */
    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(
                    indices.length + " indices but " + values.length + " values");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException(
                        "indices must be non-negative and strictly increasing: "
                                + Arrays.toString(indices));
            }
        }
        indices = indices.clone();
        values = values.clone();
    }

    /** How many entries are stored. */
    public int size() {
        return indices.length;
    }

    /** Tells whether nothing is stored. */
    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** Returns a copy of the positions. */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** Returns a copy of the values. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** The position of entry {@code i}. */
    public int index(int i) {
        return indices[i];
    }

    /** The value of entry {@code i}. */
    public float value(int i) {
        return values[i];
    }

    /** Tells whether {@code position} is stored. */
    public boolean contains(int position) {
        return Arrays.binarySearch(indices, position) >= 0;
    }

    /**
     * Returns this vector with {@code value} added at {@code position}.
     *
     * @param position the position
     * @param value what to add
     * @return a new vector
     */
    public SparseVector plus(int position, float value) {
        int at = Arrays.binarySearch(indices, position);
        if (at >= 0) {
            float[] v = values.clone();
            v[at] += value;
            return new SparseVector(indices, v);
        }
        int insert = -at - 1;
        int[] i = new int[indices.length + 1];
        float[] v = new float[values.length + 1];
        System.arraycopy(indices, 0, i, 0, insert);
        System.arraycopy(values, 0, v, 0, insert);
        i[insert] = position;
        v[insert] = value;
        System.arraycopy(indices, insert, i, insert + 1, indices.length - insert);
        System.arraycopy(values, insert, v, insert + 1, values.length - insert);
        return new SparseVector(i, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s
                && Arrays.equals(indices, s.indices)
                && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(indices) + "=" + Arrays.toString(values);
    }
}
