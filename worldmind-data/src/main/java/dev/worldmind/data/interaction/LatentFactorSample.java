package dev.worldmind.data.interaction;

import dev.worldmind.data.interaction.SyntheticInteractions.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One seeded draw of the latent-factor model {@link SyntheticInteractions} documents: the items'
 * popularity and factors, the users' taste clusters and factors, and the interactions drawn from
 * them. The draws come from one {@link Random} in exactly the documented order, so any change here
 * changes every dataset: the golden counts in the tests guard it. Immutable once drawn (the arrays
 * never leave this class) and thread-safe.
 */
final class LatentFactorSample {
    private final List<Interaction> interactions;
    private final List<String> userIds;
    private final List<String> itemIds;
    private final double[] bias;
    private final int[] rank;
    private final double[][] itemFactors;
    private final double[][] userFactors;
    private final int[] cluster;
    private final double inverseTemperature;

    private LatentFactorSample(Config c) {
        Random r = new Random(c.seed());
        int nu = c.users();
        int ni = c.items();
        int d = c.dimension();
        this.inverseTemperature = 1 / c.temperature();
        this.userIds = ids("u", nu);
        this.itemIds = ids("i", ni);
        int[] perm = new int[ni];
        Arrays.setAll(perm, k -> k);
        for (int k = ni - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
        }
        this.rank = new int[ni];
        this.bias = new double[ni];
        for (int k = 0; k < ni; k++) {
            rank[perm[k]] = k;
            bias[perm[k]] = -c.popularityExponent() * Math.log(1 + k);
        }
        this.itemFactors = gaussians(r, ni, d);
        double[][] centres = gaussians(r, c.clusters(), d);
        this.userFactors = new double[nu][d];
        this.cluster = new int[nu];
        double scale = 1 / Math.sqrt(d);
        int cap = Math.min(c.maxCount(), ni);
        List<Interaction> out = new ArrayList<>();
        double[] key = new double[ni];
        for (int u = 0; u < nu; u++) {
            cluster[u] = r.nextInt(c.clusters());
            for (int f = 0; f < d; f++) {
                userFactors[u][f] =
                        (centres[cluster[u]][f] + c.userSpread() * r.nextGaussian()) * scale;
            }
            long count =
                    Math.round(Math.exp(c.logCountMean() + c.logCountSigma() * r.nextGaussian()));
            int n = (int) Math.max(c.minCount(), Math.min(cap, count));
            double[] a = affinities(u);
            for (int i = 0; i < ni; i++) {
                key[i] = a[i] - Math.log(-Math.log(r.nextDouble()));
            }
            int[] chosen = TopK.largest(key, n);
            int[] byAffinity = TopK.largest(valuesAt(a, chosen), n);
            int[] rating = new int[n];
            for (int q = 0; q < n; q++) {
                rating[byAffinity[q]] = stars((double) q / n);
            }
            long t = c.start() + 1000 * (long) Math.floor(r.nextDouble() * c.spanSeconds());
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    t +=
                            1000
                                    * Math.max(
                                            1,
                                            Math.round(
                                                    -c.gapSeconds()
                                                            * Math.log(1 - r.nextDouble())));
                }
                out.add(new Interaction(userIds.get(u), itemIds.get(chosen[j]), rating[j], t));
            }
        }
        this.interactions = List.copyOf(out);
    }

    /**
     * Draws a sample.
     *
     * @param config the settings, whose seed starts the one random stream
     * @return the sample
     */
    static LatentFactorSample draw(Config config) {
        return new LatentFactorSample(config);
    }

    /** The interactions, by user, then time. */
    List<Interaction> interactions() {
        return interactions;
    }

    /** The user ids, by index. */
    List<String> userIds() {
        return userIds;
    }

    /** The item ids, by index. */
    List<String> itemIds() {
        return itemIds;
    }

    /** The true affinity {@code a_ui} of user {@code user} for every item, by item index. */
    double[] affinities(int user) {
        double[] x = userFactors[user];
        double[] a = new double[bias.length];
        for (int i = 0; i < a.length; i++) {
            double[] y = itemFactors[i];
            double dot = 0;
            for (int f = 0; f < x.length; f++) {
                dot += x[f] * y[f];
            }
            a[i] = dot * inverseTemperature + bias[i];
        }
        return a;
    }

    /** The taste cluster of user {@code u}. */
    int cluster(int u) {
        return cluster[u];
    }

    /** The popularity rank (0 = most popular a priori) of item {@code i}. */
    int popularityRank(int i) {
        return rank[i];
    }

    private static int stars(double q) {
        return q < 0.2 ? 5 : q < 0.5 ? 4 : q < 0.75 ? 3 : q < 0.9 ? 2 : 1;
    }

    private static double[] valuesAt(double[] values, int[] positions) {
        double[] out = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            out[k] = values[positions[k]];
        }
        return out;
    }

    private static double[][] gaussians(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int f = 0; f < cols; f++) {
                row[f] = r.nextGaussian();
            }
        }
        return m;
    }

    private static List<String> ids(String prefix, int count) {
        String format = prefix + "%0" + String.valueOf(count - 1).length() + "d";
        List<String> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ids.add(String.format(format, k));
        }
        return List.copyOf(ids);
    }
}
