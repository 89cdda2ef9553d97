package dev.worldmind.data.idx;

import java.util.Arrays;

/**
 * The content of an IDX file of unsigned bytes (the format of MNIST and Fashion-MNIST): its
 * dimensions and data in row-major order.
 *
 * @param dimensions the size of each dimension, outermost first (e.g. {@code [60000, 28, 28]})
 * @param data the values, {@code product(dimensions)} bytes, to be read as unsigned
 */
public record IdxArray(int[] dimensions, byte[] data) {
    public IdxArray {
        dimensions = dimensions.clone();
        long expected = 1;
        for (int d : dimensions) {
            if (d <= 0) {
                throw new IllegalArgumentException(
                        "dimensions must be positive: " + Arrays.toString(dimensions));
            }
            expected *= d;
        }
        if (expected != data.length) {
            throw new IllegalArgumentException(
                    "data has " + data.length + " bytes but dimensions need " + expected);
        }
    }

    /** Returns the outermost dimension: the number of items. */
    public int count() {
        return dimensions[0];
    }

    /** Returns the number of values per item (e.g. 784 for 28x28 images, 1 for labels). */
    public int itemSize() {
        return data.length / dimensions[0];
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray other
                && Arrays.equals(dimensions, other.dimensions)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dimensions);
    }
}
