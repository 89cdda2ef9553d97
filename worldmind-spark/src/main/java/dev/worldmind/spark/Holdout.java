package dev.worldmind.spark;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.recommend.Ranking;
import dev.worldmind.model.recommend.RankingMetrics;
import dev.worldmind.model.recommend.RankingReport;
import dev.worldmind.model.recommend.Recommender;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * A per-user random holdout: of each user's distinct items a share is held out for testing (at
 * least one, and at least one kept for training; users with a single item stay whole in training).
 * The test matrix is numbered like the training one; held-out items never seen in training are
 * dropped. Immutable.
 *
 * @param train the training interactions
 * @param test the held-out interactions, numbered like {@code train}
 */
public record Holdout(InteractionMatrix train, InteractionMatrix test) {
    /**
     * Splits interactions.
     *
     * @param interactions the interactions (duplicates of a pair are merged first)
     * @param share the share of each user's items to hold out, in (0, 1)
     * @param seed the seed of the random choice
     * @return the split
     */
    public static Holdout split(Collection<Interaction> interactions, double share, long seed) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the held-out share is in (0, 1): " + share);
        }
        InteractionMatrix all = InteractionMatrix.of(interactions);
        if (all.size() == 0) {
            throw new InvalidDataException("no interactions to split");
        }
        Random random = new Random(seed);
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        for (int u = 0; u < all.users(); u++) {
            SparseVector row = all.row(u);
            long[] times = all.rowTimes(u);
            int n = row.size();
            int held = n < 2 ? 0 : Math.max(1, Math.min(n - 1, (int) Math.round(share * n)));
            int[] order = new int[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            for (int j = n - 1; j > 0; j--) {
                int r = random.nextInt(j + 1);
                int t = order[j];
                order[j] = order[r];
                order[r] = t;
            }
            for (int j = 0; j < n; j++) {
                int p = order[j];
                Interaction x =
                        new Interaction(
                                all.userId(u), all.itemId(row.index(p)), row.value(p), times[p]);
                (j < held ? test : train).add(x);
            }
        }
        InteractionMatrix trainMatrix = InteractionMatrix.of(train);
        return new Holdout(
                trainMatrix,
                InteractionMatrix.of(test, trainMatrix.userIds(), trainMatrix.itemIds()));
    }

    /**
     * Ranks every item for every training user (their training items left out) and scores the top
     * {@code k} against the held-out items.
     *
     * @param recommender a recommender trained on {@link #train()}
     * @param k the list length
     * @return the report
     */
    public RankingReport evaluate(Recommender recommender, int k) {
        int users = train.users();
        int[][] recommended = new int[users][];
        int[][] relevant = new int[users][];
        for (int u = 0; u < users; u++) {
            SparseVector history = train.row(u);
            recommended[u] = Ranking.top(recommender.score(u, history), k, history);
            SparseVector held = test.row(u);
            relevant[u] = new int[held.size()];
            for (int j = 0; j < held.size(); j++) {
                relevant[u][j] = held.index(j);
            }
        }
        return RankingMetrics.evaluate(
                k, recommended, relevant, train.itemPopularity(), train.users());
    }
}
