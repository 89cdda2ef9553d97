package dev.worldmind.data.interaction;

/** Selects the positions of the largest values without sorting everything. Stateless. */
final class TopK {
    private TopK() {}

    /**
     * The positions of the {@code k} largest values, largest first; equal values: lower position
     * first.
     */
    static int[] largest(double[] values, int k) {
        // a min-heap of the best k so far; its root is the worst kept
        int[] heap = new int[k];
        int size = 0;
        for (int p = 0; p < values.length; p++) {
            if (size < k) {
                heap[size] = p;
                up(heap, size++, values);
            } else if (better(p, heap[0], values)) {
                heap[0] = p;
                down(heap, size, values);
            }
        }
        int[] out = new int[size];
        for (int at = size - 1; at >= 0; at--) {
            out[at] = heap[0];
            heap[0] = heap[--size];
            down(heap, size, values);
        }
        return out;
    }

    /** Whether position a ranks above position b. */
    private static boolean better(int a, int b, double[] v) {
        return v[a] > v[b] || (v[a] == v[b] && a < b);
    }

    private static void up(int[] heap, int at, double[] v) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!better(heap[parent], heap[at], v)) {
                return;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void down(int[] heap, int size, double[] v) {
        int at = 0;
        while (true) {
            int worst = at;
            int l = 2 * at + 1;
            int r = l + 1;
            if (l < size && better(heap[worst], heap[l], v)) {
                worst = l;
            }
            if (r < size && better(heap[worst], heap[r], v)) {
                worst = r;
            }
            if (worst == at) {
                return;
            }
            swap(heap, worst, at);
            at = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
