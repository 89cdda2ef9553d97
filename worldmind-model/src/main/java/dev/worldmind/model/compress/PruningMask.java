package dev.worldmind.model.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.worldmind.core.InvalidDataException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * Which values of one weight tensor are pruned (held at exactly zero). An immutable value; {@link
 * #applyTo(NDArray)} changes the array it is given.
 */
public final class PruningMask {
    private final String parameter;
    private final long[] shape;
    private final int size;
    private final BitSet pruned;
    private final float[] keep;

    /**
     * Creates a mask.
     *
     * @param parameter the parameter's name in its block, e.g. {@code 01Conv2d_weight}
     * @param shape the tensor's shape
     * @param pruned the flat (row-major) indices of the pruned values
     */
    public PruningMask(String parameter, long[] shape, BitSet pruned) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.shape = shape.clone();
        this.size = Math.toIntExact(new Shape(shape).size());
        if (pruned.length() > size) {
            throw new IllegalArgumentException(
                    "index " + (pruned.length() - 1) + " outside a tensor of " + size);
        }
        this.pruned = (BitSet) pruned.clone();
        this.keep = new float[size];
        Arrays.fill(keep, 1f);
        pruned.stream().forEach(i -> keep[i] = 0f);
    }

    /** Returns the parameter's name. */
    public String parameter() {
        return parameter;
    }

    /** Returns the tensor's shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Returns the number of values in the tensor. */
    public int size() {
        return size;
    }

    /** Returns the number of pruned values. */
    public int prunedCount() {
        return pruned.cardinality();
    }

    /** Returns the pruned share of the tensor, in [0, 1]. */
    public double sparsity() {
        return size == 0 ? 0 : (double) prunedCount() / size;
    }

    /**
     * Tells whether a value is pruned.
     *
     * @param index the flat index
     */
    public boolean isPruned(int index) {
        return pruned.get(index);
    }

    /**
     * Zeroes the pruned values of a weight tensor in place.
     *
     * @param weights the tensor, of this mask's shape
     */
    public void applyTo(NDArray weights) {
        if (!Arrays.equals(weights.getShape().getShape(), shape)) {
            throw new InvalidDataException(
                    "mask of "
                            + parameter
                            + " has shape "
                            + new Shape(shape)
                            + ", the tensor "
                            + weights.getShape());
        }
        try (NDManager scratch = weights.getManager().newSubManager()) {
            // through a view without gradient tracking that shares the weights' storage: an
            // in-place change of a parameter is refused on any thread where the engine records
            // gradients, and whether it does is per thread (on, except on the engine's first)
            NDArray untracked = weights.stopGradient();
            untracked.muli(scratch.create(keep, weights.getShape()));
            untracked.close();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PruningMask m
                && parameter.equals(m.parameter)
                && Arrays.equals(shape, m.shape)
                && pruned.equals(m.pruned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, Arrays.hashCode(shape), pruned);
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "PruningMask[%s %s, %d of %d pruned]",
                parameter,
                new Shape(shape),
                prunedCount(),
                size);
    }
}
