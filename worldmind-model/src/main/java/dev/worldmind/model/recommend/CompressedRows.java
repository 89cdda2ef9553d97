package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A matrix's rows as flat arrays (start offsets, columns, values), so that training loops read them
 * without the per-row copies {@link InteractionMatrix#row} makes. Values are the weights mapped
 * through a function (e.g. to ALS confidences). Immutable once built.
 */
final class CompressedRows {
    final int rows;
    final int columns;
    final int[] start;
    final int[] cols;
    final float[] values;

    private CompressedRows(int rows, int columns, int[] start, int[] cols, float[] values) {
        this.rows = rows;
        this.columns = columns;
        this.start = start;
        this.cols = cols;
        this.values = values;
    }

    static CompressedRows of(InteractionMatrix m, DoubleUnaryOperator value) {
        int[] start = new int[m.users() + 1];
        int[] cols = new int[m.size()];
        float[] values = new float[m.size()];
        int at = 0;
        for (int u = 0; u < m.users(); u++) {
            SparseVector row = m.row(u);
            for (int k = 0; k < row.size(); k++) {
                cols[at] = row.index(k);
                values[at] = (float) value.applyAsDouble(row.value(k));
                at++;
            }
            start[u + 1] = at;
        }
        return new CompressedRows(m.users(), m.items(), start, cols, values);
    }

    /** Whether row {@code r} has column {@code c} (binary search: columns are sorted). */
    boolean contains(int r, int c) {
        return Arrays.binarySearch(cols, start[r], start[r + 1], c) >= 0;
    }

    int size() {
        return cols.length;
    }
}
