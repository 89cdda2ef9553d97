package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.SparseVector;

/**
 * A trained item-kNN recommender: each item's most similar items, most similar first (ties: lower
 * index first), as one compressed row per item, and the two ways of scoring with them ({@link
 * ItemKnn.Neighbourhood}). Immutable and thread-safe; each call allocates its own scratch space.
 */
final class ItemNeighbours implements Recommender {
    private final boolean binary;
    private final ItemKnn.Neighbourhood neighbourhood;
    private final int k;
    private final int[] start;
    private final int[] neighbours;
    private final float[] similarity;

    // The rows transposed (item j -> the items that keep j), for candidate-side scoring: a
    // history item j reaches exactly the candidates that keep j as a neighbour.
    private final int[] keptByStart;
    private final int[] keptBy;
    private final float[] keptBySimilarity;

    /**
     * @param binary whether history values count as 1
     * @param neighbourhood how a score is cut
     * @param k the neighbourhood size at scoring
     * @param start row offsets, one more than there are items
     * @param neighbours each row's items, most similar first
     * @param similarity each row's similarities, in the same order
     */
    ItemNeighbours(
            boolean binary,
            ItemKnn.Neighbourhood neighbourhood,
            int k,
            int[] start,
            int[] neighbours,
            float[] similarity) {
        this.binary = binary;
        this.neighbourhood = neighbourhood;
        this.k = k;
        this.start = start;
        this.neighbours = neighbours;
        this.similarity = similarity;
        if (neighbourhood == ItemKnn.Neighbourhood.CANDIDATE) {
            int items = start.length - 1;
            keptByStart = new int[items + 1];
            for (int n : neighbours) {
                keptByStart[n + 1]++;
            }
            for (int j = 0; j < items; j++) {
                keptByStart[j + 1] += keptByStart[j];
            }
            keptBy = new int[neighbours.length];
            keptBySimilarity = new float[neighbours.length];
            int[] at = keptByStart.clone();
            for (int i = 0; i < items; i++) {
                for (int p = start[i]; p < start[i + 1]; p++) {
                    int slot = at[neighbours[p]]++;
                    keptBy[slot] = i;
                    keptBySimilarity[slot] = similarity[p];
                }
            }
        } else {
            keptByStart = null;
            keptBy = null;
            keptBySimilarity = null;
        }
    }

    @Override
    public String algorithm() {
        return ItemKnn.NAME;
    }

    @Override
    public int items() {
        return start.length - 1;
    }

    @Override
    public float[] score(int user, SparseVector history) {
        for (int h = 0; h < history.size(); h++) {
            if (history.index(h) >= items()) {
                throw new IllegalArgumentException(
                        "history item "
                                + history.index(h)
                                + " is not in the catalogue of "
                                + items());
            }
        }
        return neighbourhood == ItemKnn.Neighbourhood.CANDIDATE
                ? candidateScores(history)
                : historyScores(history);
    }

    /** Sums, for each history item, its first k neighbours' similarities. */
    private float[] historyScores(SparseVector history) {
        float[] scores = new float[items()];
        for (int h = 0; h < history.size(); h++) {
            int j = history.index(h);
            float w = binary ? 1f : history.value(h);
            int end = (int) Math.min(start[j + 1], (long) start[j] + k);
            for (int p = start[j]; p < end; p++) {
                scores[neighbours[p]] += w * similarity[p];
            }
        }
        return scores;
    }

    /**
     * Sums, for each candidate, its k most similar history items' similarities. One pass over the
     * history items' transposed rows sums every kept similarity and counts them; only a candidate
     * that keeps more than k of the history items needs its k best picked. It walks its own row,
     * most similar first, until k history items are found, when that is short (its history items
     * are many or near the row's head: a long history); otherwise its similarities are gathered in
     * a second pass and the k largest selected (few of them: a short history). Either costs about
     * as much as the first pass.
     */
    private float[] candidateScores(SparseVector history) {
        int items = items();
        float[] scores = new float[items];
        int[] found = new int[items];
        boolean[] seen = new boolean[items];
        float[] value = new float[items];
        for (int h = 0; h < history.size(); h++) {
            int j = history.index(h);
            float w = binary ? 1f : history.value(h);
            seen[j] = true;
            value[j] = w;
            for (int p = keptByStart[j]; p < keptByStart[j + 1]; p++) {
                int i = keptBy[p];
                scores[i] += w * keptBySimilarity[p];
                found[i]++;
            }
        }
        // found[i] becomes the candidate's offset in the gathered keys, or -1 when done
        int gathered = 0;
        for (int i = 0; i < items; i++) {
            int f = found[i];
            found[i] = -1;
            if (f <= k) {
                continue;
            }
            // a walk reads about k * rowLength / f entries, a gather f (then sorts them)
            if ((long) k * (start[i + 1] - start[i]) <= (long) f * f) {
                scores[i] = walk(i, seen, value);
            } else {
                found[i] = gathered;
                gathered += f;
            }
        }
        if (gathered > 0) {
            gather(history, found, gathered, value, scores);
        }
        return scores;
    }

    /** Candidate i's score from its first k history items in its row. */
    private float walk(int i, boolean[] seen, float[] value) {
        float sum = 0;
        int taken = 0;
        for (int p = start[i]; taken < k; p++) {
            int j = neighbours[p];
            if (seen[j]) {
                sum += value[j] * similarity[p];
                taken++;
            }
        }
        return sum;
    }

    /**
     * Scores the candidates with an offset: their kept history items gathered as sort keys (the
     * similarity's bits, then the item reversed: the order of a row) and the k largest summed.
     */
    private void gather(
            SparseVector history, int[] offset, int gathered, float[] value, float[] scores) {
        long[] keys = new long[gathered];
        int[] end = offset.clone();
        for (int h = 0; h < history.size(); h++) {
            int j = history.index(h);
            long item = Integer.MAX_VALUE - j;
            for (int p = keptByStart[j]; p < keptByStart[j + 1]; p++) {
                int i = keptBy[p];
                if (offset[i] >= 0) {
                    keys[end[i]++] =
                            ((long) Float.floatToIntBits(keptBySimilarity[p]) << 32) | item;
                }
            }
        }
        for (int i = 0; i < scores.length; i++) {
            if (offset[i] < 0) {
                continue;
            }
            selectLargest(keys, offset[i], end[i], k);
            float sum = 0;
            for (int t = end[i] - 1; t >= end[i] - k; t--) {
                int j = Integer.MAX_VALUE - (int) keys[t];
                sum += value[j] * Float.intBitsToFloat((int) (keys[t] >>> 32));
            }
            scores[i] = sum;
        }
    }

    /**
     * Moves the k largest of the distinct keys in {@code keys[from, to)} to {@code keys[to - k,
     * to)}, in no order: Hoare's selection, linear on average where a sort is not.
     */
    static void selectLargest(long[] keys, int from, int to, int k) {
        int target = to - k;
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            long pivot = median(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = keys[i];
                    keys[i++] = keys[j];
                    keys[j--] = t;
                }
            }
            // now keys[lo, j] <= pivot <= keys[i, hi]; keep the side that holds the target
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * The item's kept neighbours with their shrunk cosines, 0 for every other item, and 1 for the
     * item itself (its plain cosine with itself).
     */
    @Override
    public float[] similarItems(int item) {
        float[] row = new float[items()];
        for (int p = start[item]; p < start[item + 1]; p++) {
            row[neighbours[p]] = similarity[p];
        }
        row[item] = 1f;
        return row;
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder(ItemKnn.NAME)
                .put("binary", binary ? 1 : 0)
                .put(ItemKnn.NEIGHBOURHOOD_KEY, neighbourhood.key())
                .put(ItemKnn.K_KEY, k)
                .put("start", start)
                .put("neighbours", neighbours)
                .put("similarity", similarity)
                .build();
    }
}
