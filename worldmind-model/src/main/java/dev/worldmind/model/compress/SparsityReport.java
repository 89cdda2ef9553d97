package dev.worldmind.model.compress;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How many of a network's trainable values are zero, tensor by tensor, as measured by counting (not
 * as a mask claims).
 *
 * @param tensors every trainable tensor, in block order
 */
public record SparsityReport(List<Tensor> tensors) {
    public SparsityReport {
        tensors = List.copyOf(tensors);
    }

    /** Returns the number of trainable values. */
    public long parameters() {
        return tensors.stream().mapToLong(Tensor::size).sum();
    }

    /** Returns the number of trainable values that are not zero. */
    public long nonZero() {
        return tensors.stream().mapToLong(Tensor::nonZero).sum();
    }

    /** Returns the zero share of all trainable values. */
    public double sparsity() {
        return share(parameters() - nonZero(), parameters());
    }

    /** Returns the number of values in the prunable tensors (convolution and dense weights). */
    public long prunableParameters() {
        return tensors.stream().filter(Tensor::prunable).mapToLong(Tensor::size).sum();
    }

    /** Returns the number of non-zero values in the prunable tensors. */
    public long prunableNonZero() {
        return tensors.stream().filter(Tensor::prunable).mapToLong(Tensor::nonZero).sum();
    }

    /** Returns the zero share of the prunable tensors: the sparsity pruning aims at. */
    public double prunableSparsity() {
        return share(prunableParameters() - prunableNonZero(), prunableParameters());
    }

    /** Returns a plain-text table, one row per tensor, then the totals. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        int width = 20;
        for (Tensor t : tensors) {
            width = Math.max(width, t.name().length() + (t.prunable() ? 0 : 7));
        }
        String row = "%-" + width + "s %-16s %10s %10s %9s%n";
        b.append(String.format(Locale.ROOT, row, "tensor", "shape", "values", "non-zero", "zero"));
        for (Tensor t : tensors) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            row,
                            t.name() + (t.prunable() ? "" : " (kept)"),
                            t.shape(),
                            String.format(Locale.ROOT, "%,d", t.size()),
                            String.format(Locale.ROOT, "%,d", t.nonZero()),
                            String.format(Locale.ROOT, "%.1f%%", t.sparsity() * 100)));
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "conv + dense weights",
                        "",
                        String.format(Locale.ROOT, "%,d", prunableParameters()),
                        String.format(Locale.ROOT, "%,d", prunableNonZero()),
                        String.format(Locale.ROOT, "%.1f%%", prunableSparsity() * 100)));
        b.append(
                String.format(
                        Locale.ROOT,
                        row,
                        "all trainable values",
                        "",
                        String.format(Locale.ROOT, "%,d", parameters()),
                        String.format(Locale.ROOT, "%,d", nonZero()),
                        String.format(Locale.ROOT, "%.1f%%", sparsity() * 100)));
        return b.toString();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * One trainable tensor.
     *
     * @param name the parameter's name in the network
     * @param shape its shape, e.g. {@code (64, 32, 3, 3)}
     * @param prunable whether magnitude pruning may zero it (convolution and dense weights)
     * @param size its number of values
     * @param nonZero how many of them are not zero
     */
    public record Tensor(String name, String shape, boolean prunable, long size, long nonZero) {
        public Tensor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape");
            if (size < 0 || nonZero < 0 || nonZero > size) {
                throw new IllegalArgumentException("need 0 <= nonZero <= size");
            }
        }

        /** Returns the zero share of this tensor. */
        public double sparsity() {
            return share(size - nonZero, size);
        }
    }
}
