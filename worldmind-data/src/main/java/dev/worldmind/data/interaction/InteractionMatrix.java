package dev.worldmind.data.interaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Interactions as a sparse user-by-item matrix (compressed rows). Users and items are numbered from
 * 0 in the order of their ids, so the same data always gives the same numbers. Repeated
 * interactions of one user with one item are merged: their weights add up and the latest time is
 * kept. Immutable and thread-safe.
 */
public final class InteractionMatrix {
    private final List<String> users;
    private final List<String> items;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] weights;
    private final long[] times;

    private InteractionMatrix(
            List<String> users,
            List<String> items,
            int[] rowStart,
            int[] columns,
            float[] weights,
            long[] times) {
        this.users = List.copyOf(users);
        this.items = List.copyOf(items);
        this.userIndex = index(this.users);
        this.itemIndex = index(this.items);
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
        this.times = times;
    }

    /**
     * Builds the matrix of some interactions; its users and items are exactly those that occur.
     *
     * @param interactions the interactions, in any order
     * @return the matrix
     */
    public static InteractionMatrix of(Collection<Interaction> interactions) {
        TreeSet<String> u = new TreeSet<>();
        TreeSet<String> i = new TreeSet<>();
        for (Interaction x : interactions) {
            u.add(x.user());
            i.add(x.item());
        }
        return of(interactions, new ArrayList<>(u), new ArrayList<>(i));
    }

    /**
     * Builds the matrix of some interactions over given users and items, e.g. a test set numbered
     * like its training set. Interactions of other users or with other items are left out.
     *
     * @param interactions the interactions, in any order
     * @param users the users, in the order that numbers them (no repeats)
     * @param items the items, in the order that numbers them (no repeats)
     * @return the matrix
     */
    public static InteractionMatrix of(
            Collection<Interaction> interactions, List<String> users, List<String> items) {
        Map<String, Integer> u = index(users);
        Map<String, Integer> i = index(items);
        // each cell: row, column, weight, time (exact in a double: times stay below 2^53 ms)
        List<double[]> cells = new ArrayList<>();
        for (Interaction x : interactions) {
            Integer row = u.get(x.user());
            Integer col = i.get(x.item());
            if (row == null || col == null) {
                continue;
            }
            cells.add(new double[] {row, col, x.weight(), x.at()});
        }
        cells.sort(
                (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int[] rowStart = new int[users.size() + 1];
        int[] cols = new int[cells.size()];
        float[] w = new float[cells.size()];
        long[] t = new long[cells.size()];
        int n = 0;
        int prevRow = -1;
        int prevCol = -1;
        for (double[] c : cells) {
            int row = (int) c[0];
            int col = (int) c[1];
            if (row == prevRow && col == prevCol) {
                w[n - 1] += (float) c[2];
                t[n - 1] = Math.max(t[n - 1], (long) c[3]);
                continue;
            }
            cols[n] = col;
            w[n] = (float) c[2];
            t[n] = (long) c[3];
            rowStart[row + 1]++;
            n++;
            prevRow = row;
            prevCol = col;
        }
        for (int r = 0; r < users.size(); r++) {
            rowStart[r + 1] += rowStart[r];
        }
        return new InteractionMatrix(
                users,
                items,
                rowStart,
                Arrays.copyOf(cols, n),
                Arrays.copyOf(w, n),
                Arrays.copyOf(t, n));
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int k = 0; k < ids.size(); k++) {
            if (index.put(ids.get(k), k) != null) {
                throw new IllegalArgumentException("id repeated: " + ids.get(k));
            }
        }
        return index;
    }

    /** How many users (rows). */
    public int users() {
        return users.size();
    }

    /** How many items (columns). */
    public int items() {
        return items.size();
    }

    /** How many user-item pairs are stored. */
    public int size() {
        return columns.length;
    }

    /** The users' ids, in index order. */
    public List<String> userIds() {
        return users;
    }

    /** The items' ids, in index order. */
    public List<String> itemIds() {
        return items;
    }

    /** The id of user {@code u}. */
    public String userId(int u) {
        return users.get(u);
    }

    /** The id of item {@code i}. */
    public String itemId(int i) {
        return items.get(i);
    }

    /** The index of a user, if the matrix has them. */
    public OptionalInt user(String id) {
        Integer u = userIndex.get(id);
        return u == null ? OptionalInt.empty() : OptionalInt.of(u);
    }

    /** The index of an item, if the matrix has it. */
    public OptionalInt item(String id) {
        Integer i = itemIndex.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** User {@code u}'s items and their weights. */
    public SparseVector row(int u) {
        return new SparseVector(
                Arrays.copyOfRange(columns, rowStart[u], rowStart[u + 1]),
                Arrays.copyOfRange(weights, rowStart[u], rowStart[u + 1]));
    }

    /** How many items user {@code u} has. */
    public int rowSize(int u) {
        return rowStart[u + 1] - rowStart[u];
    }

    /** User {@code u}'s latest time with each of their items, in the order of {@link #row}. */
    public long[] rowTimes(int u) {
        return Arrays.copyOfRange(times, rowStart[u], rowStart[u + 1]);
    }

    /**
     * The matrix the other way round: items as rows, users as columns (for item-based algorithms).
     */
    public InteractionMatrix transpose() {
        int[] start = new int[items.size() + 1];
        for (int c : columns) {
            start[c + 1]++;
        }
        for (int i = 0; i < items.size(); i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, items.size());
        int[] cols = new int[columns.length];
        float[] w = new float[columns.length];
        long[] t = new long[columns.length];
        for (int u = 0; u < users.size(); u++) {
            for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                int at = fill[columns[k]]++;
                cols[at] = u;
                w[at] = weights[k];
                t[at] = times[k];
            }
        }
        return new InteractionMatrix(items, users, start, cols, w, t);
    }

    /** Per item, how many users interacted with it. */
    public int[] itemPopularity() {
        int[] counts = new int[items.size()];
        for (int c : columns) {
            counts[c]++;
        }
        return counts;
    }

    /** The stored interactions, one per user-item pair, by user then item. */
    public List<Interaction> interactions() {
        List<Interaction> all = new ArrayList<>(columns.length);
        for (int u = 0; u < users.size(); u++) {
            for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                all.add(new Interaction(users.get(u), items.get(columns[k]), weights[k], times[k]));
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return users.size() + " users x " + items.size() + " items, " + columns.length + " pairs";
    }
}
