package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded latent-cluster dataset for quality checks: items belong to clusters, each user mostly
 * picks items of their own cluster (popular ones more often, Zipf-like), sometimes any item by
 * global popularity. Weights 1, 3 or 5, higher for own-cluster items. Each user's items are split
 * at random into training and held-out parts.
 *
 * @param train the training matrix
 * @param test the held-out interactions, numbered like {@code train}
 */
record SyntheticInteractions(InteractionMatrix train, InteractionMatrix test) {

    static SyntheticInteractions generate(
            int users, int items, int clusters, int perUser, double heldOut, long seed) {
        Random random = new Random(seed);
        // a random global popularity order and a random cluster per item
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            members.add(new ArrayList<>());
        }
        for (int rank = 0; rank < items; rank++) {
            members.get(random.nextInt(clusters)).add(order.get(rank));
        }
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int cluster = random.nextInt(clusters);
            int count = perUser / 2 + random.nextInt(perUser + 1);
            Set<Integer> picked = new LinkedHashSet<>();
            Set<Integer> own = new LinkedHashSet<>();
            int guard = 0;
            while (picked.size() < count && guard++ < count * 50) {
                boolean inCluster = random.nextDouble() < 0.8;
                List<Integer> pool = inCluster ? members.get(cluster) : order;
                int item = pool.get(zipf(pool.size(), random));
                if (picked.add(item) && inCluster) {
                    own.add(item);
                }
            }
            List<Integer> mine = new ArrayList<>(picked);
            Collections.shuffle(mine, random);
            int hold = (int) Math.round(mine.size() * heldOut);
            for (int k = 0; k < mine.size(); k++) {
                int item = mine.get(k);
                double weight = own.contains(item) ? 1 + 2 * random.nextInt(3) : 1;
                Interaction x =
                        new Interaction(
                                String.format("u%04d", u),
                                String.format("i%04d", item),
                                weight,
                                1_000L * k);
                (k < hold ? test : train).add(x);
            }
        }
        InteractionMatrix trainMatrix = InteractionMatrix.of(train);
        return new SyntheticInteractions(
                trainMatrix,
                InteractionMatrix.of(test, trainMatrix.userIds(), trainMatrix.itemIds()));
    }

    /** A rank in [0, n) drawn with probability proportional to 1 / (rank + 1). */
    private static int zipf(int n, Random random) {
        double total = 0;
        for (int r = 1; r <= n; r++) {
            total += 1.0 / r;
        }
        double x = random.nextDouble() * total;
        for (int r = 1; r <= n; r++) {
            x -= 1.0 / r;
            if (x <= 0) {
                return r - 1;
            }
        }
        return n - 1;
    }

    /** Scores top-k lists of every training user, their training items left out. */
    RankingReport evaluate(Recommender recommender, int k) {
        int[][] recommended = new int[train.users()][];
        int[][] relevant = new int[train.users()][];
        for (int u = 0; u < train.users(); u++) {
            SparseVector history = train.row(u);
            recommended[u] = Ranking.top(recommender.score(u, history), k, history);
            relevant[u] = test.row(u).indices();
        }
        return RankingMetrics.evaluate(
                k, recommended, relevant, train.itemPopularity(), train.users());
    }
}
