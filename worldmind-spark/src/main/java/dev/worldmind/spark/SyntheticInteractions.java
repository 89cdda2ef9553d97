package dev.worldmind.spark;

import dev.worldmind.data.interaction.Interaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded latent-factor dataset with a known structure, for tests and benchmarks: items fall into
 * clusters (item {@code i} in cluster {@code i % clusters}) and have a Zipf-like popularity; each
 * user belongs to one cluster and picks, without repeats, an item of their cluster with probability
 * {@code affinity}, else any item by popularity. Weights are 1 (70 %), 3 (20 %) or 5 (10 %), like a
 * view, a like and a purchase. A recommender that finds the clusters beats popularity clearly.
 *
 * @param users the number of users, {@code u0000}...
 * @param items the number of items, {@code i0000}...
 * @param clusters the number of clusters
 * @param perUser the mean number of distinct items per user (uniform in [perUser/2, 3 perUser/2])
 * @param affinity the probability of picking within one's cluster
 * @param seed the seed
 */
public record SyntheticInteractions(
        int users, int items, int clusters, int perUser, double affinity, long seed) {
    public SyntheticInteractions {
        if (users < 1 || items < 2 || clusters < 1 || clusters > items || perUser < 2) {
            throw new IllegalArgumentException(
                    "need users >= 1, items >= 2, 1 <= clusters <= items, perUser >= 2");
        }
        if (perUser * 3 / 2 > items / clusters) {
            throw new IllegalArgumentException(
                    "a cluster of " + items / clusters + " items is too small for " + perUser);
        }
        if (!(affinity >= 0 && affinity <= 1)) {
            throw new IllegalArgumentException("affinity is in [0, 1]: " + affinity);
        }
    }

    /**
     * The test's dataset: 1,000 users x 500 items, 8 clusters, ~25 items per user, 80 % affinity.
     */
    public static SyntheticInteractions standard(long seed) {
        return new SyntheticInteractions(1000, 500, 8, 25, 0.8, seed);
    }

    /** Generates the interactions (the same ones for the same settings). */
    public List<Interaction> generate() {
        Random random = new Random(seed);
        // Zipf-like popularity over a random order of the items, so popularity and cluster are
        // unrelated.
        double[] popularity = new double[items];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int rank = 0; rank < items; rank++) {
            popularity[order.get(rank)] = 1.0 / Math.pow(rank + 1, 0.8);
        }
        List<Interaction> out = new ArrayList<>();
        long t0 = 1_700_000_000_000L;
        for (int u = 0; u < users; u++) {
            int cluster = random.nextInt(clusters);
            int n = perUser / 2 + random.nextInt(perUser + 1);
            Set<Integer> seen = new HashSet<>();
            while (seen.size() < n) {
                boolean own = random.nextDouble() < affinity;
                int item = pick(random, popularity, own ? cluster : -1);
                if (seen.add(item)) {
                    double r = random.nextDouble();
                    double weight = r < 0.7 ? 1 : r < 0.9 ? 3 : 5;
                    out.add(
                            new Interaction(
                                    String.format("u%04d", u),
                                    String.format("i%04d", item),
                                    weight,
                                    t0 + 60_000L * out.size()));
                }
            }
        }
        return out;
    }

    /** Draws an item by popularity, from one cluster or (cluster -1) from all. */
    private int pick(Random random, double[] popularity, int cluster) {
        double total = 0;
        for (int i = 0; i < items; i++) {
            if (cluster < 0 || i % clusters == cluster) {
                total += popularity[i];
            }
        }
        double x = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < items; i++) {
            if (cluster < 0 || i % clusters == cluster) {
                last = i;
                x -= popularity[i];
                if (x < 0) {
                    return i;
                }
            }
        }
        return last;
    }
}
