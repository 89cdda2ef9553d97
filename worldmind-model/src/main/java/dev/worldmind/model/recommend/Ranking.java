package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.SparseVector;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Picks the best items from a score per item. Ties go to the lower item index and NaN scores never
 * win, so the same scores always give the same list. Stateless.
 */
public final class Ranking {
    private Ranking() {}

    /**
     * Returns the {@code n} best items, best first, leaving out the history's items and any that
     * {@code allowed} refuses.
     *
     * @param scores one score per item
     * @param n how many to return at most
     * @param exclude items to leave out (e.g. those the user has seen); may be empty
     * @param allowed which items may be recommended (e.g. only products)
     * @return up to {@code n} item indices
     */
    public static int[] top(float[] scores, int n, SparseVector exclude, IntPredicate allowed) {
        if (n < 0) {
            throw new IllegalArgumentException("n cannot be negative: " + n);
        }
        // a min-heap of the best n so far: the worst of them on top
        PriorityQueue<Integer> heap =
                new PriorityQueue<>(Math.max(n, 1), (a, b) -> better(scores, a, b));
        int skip = 0;
        for (int i = 0; i < scores.length; i++) {
            while (skip < exclude.size() && exclude.index(skip) < i) {
                skip++;
            }
            if ((skip < exclude.size() && exclude.index(skip) == i)
                    || Float.isNaN(scores[i])
                    || !allowed.test(i)) {
                continue;
            }
            if (heap.size() < n) {
                heap.add(i);
            } else if (n > 0 && better(scores, i, heap.peek()) > 0) {
                heap.poll();
                heap.add(i);
            }
        }
        int[] best = new int[heap.size()];
        for (int k = best.length - 1; k >= 0; k--) {
            best[k] = heap.poll();
        }
        return best;
    }

    /** Returns the {@code n} best items, leaving out the history's items. */
    public static int[] top(float[] scores, int n, SparseVector exclude) {
        return top(scores, n, exclude, i -> true);
    }

    /** Positive when item a ranks above item b. */
    private static int better(float[] scores, int a, int b) {
        int byScore = Float.compare(scores[a], scores[b]);
        return byScore != 0 ? byScore : Integer.compare(b, a);
    }
}
