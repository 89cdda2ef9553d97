package dev.worldmind.model.recommend;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Scores top-k recommendation lists against held-out items. Users and items are numbered from 0; a
 * user without held-out items is left out of the averages (there is nothing to find), but still
 * counts towards coverage. Stateless.
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /**
     * Scores the lists.
     *
     * @param k the list length to score; longer lists are cut, shorter ones count as they are
     * @param recommended per user, the recommended items, best first, without repeats
     * @param relevant per user, the held-out items (in any order, without repeats)
     * @param trainPopularity per item, how many training users interacted with it
     * @param trainUsers how many users the training data has (for novelty)
     * @return the report
     * @throws IllegalArgumentException if the arrays disagree in length, an item is out of range,
     *     or a list repeats an item
     */
    public static RankingReport evaluate(
            int k, int[][] recommended, int[][] relevant, int[] trainPopularity, int trainUsers) {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1: " + k);
        }
        if (recommended.length != relevant.length) {
            throw new IllegalArgumentException(
                    "one recommendation list per user: "
                            + recommended.length
                            + " lists for "
                            + relevant.length
                            + " users");
        }
        int items = trainPopularity.length;
        BitSet recommendedAnywhere = new BitSet(items);
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double hits = 0;
        double map = 0;
        double novelty = 0;
        long noveltyCount = 0;
        int scored = 0;
        for (int u = 0; u < recommended.length; u++) {
            int[] list = top(recommended[u], k, items, u);
            for (int item : list) {
                recommendedAnywhere.set(item);
                double share =
                        Math.max(trainPopularity[item], 1) / (double) Math.max(trainUsers, 1);
                novelty += -Math.log(share) / Math.log(2);
                noveltyCount++;
            }
            if (relevant[u].length == 0) {
                continue;
            }
            scored++;
            BitSet wanted = new BitSet(items);
            for (int item : relevant[u]) {
                checkItem(item, items, u);
                wanted.set(item);
            }
            int found = 0;
            double dcg = 0;
            double precisionSum = 0;
            for (int rank = 0; rank < list.length; rank++) {
                if (wanted.get(list[rank])) {
                    found++;
                    dcg += 1 / log2(rank + 2);
                    precisionSum += found / (double) (rank + 1);
                }
            }
            int ideal = Math.min(wanted.cardinality(), k);
            double idcg = 0;
            for (int rank = 0; rank < ideal; rank++) {
                idcg += 1 / log2(rank + 2);
            }
            precision += found / (double) k;
            recall += found / (double) wanted.cardinality();
            ndcg += dcg / idcg;
            hits += found > 0 ? 1 : 0;
            map += precisionSum / ideal;
        }
        double n = Math.max(scored, 1);
        return new RankingReport(
                k,
                scored,
                precision / n,
                recall / n,
                ndcg / n,
                hits / n,
                map / n,
                items == 0 ? 0 : recommendedAnywhere.cardinality() / (double) items,
                noveltyCount == 0 ? 0 : novelty / noveltyCount);
    }

    private static int[] top(int[] list, int k, int items, int user) {
        int[] cut = Arrays.copyOf(list, Math.min(k, list.length));
        BitSet seen = new BitSet(items);
        for (int item : cut) {
            checkItem(item, items, user);
            if (seen.get(item)) {
                throw new IllegalArgumentException("user " + user + "'s list repeats item " + item);
            }
            seen.set(item);
        }
        return cut;
    }

    private static void checkItem(int item, int items, int user) {
        if (item < 0 || item >= items) {
            throw new IllegalArgumentException(
                    "user " + user + ": item " + item + " is not in the catalogue of " + items);
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
