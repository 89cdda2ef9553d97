package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.data.interaction.SyntheticInteractions.Config;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SyntheticInteractionsTest {
    private static final SyntheticInteractions SMALL =
            SyntheticInteractions.generate(Config.small());

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        SyntheticInteractions again = SyntheticInteractions.generate(Config.small());
        SyntheticInteractions other = SyntheticInteractions.generate(Config.small().withSeed(43));

        assertThat(again.interactions()).isEqualTo(SMALL.interactions());
        assertThat(again.ref()).isEqualTo(SMALL.ref());
        assertThat(other.interactions()).isNotEqualTo(SMALL.interactions());
        assertThat(other.ref().sha256()).isNotEqualTo(SMALL.ref().sha256());
    }

    @Test
    void everyUserHasDistinctItemsWithinTheCountBounds() {
        Config c = Config.small();
        Map<String, Set<String>> items = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        for (Interaction x : SMALL.interactions()) {
            items.computeIfAbsent(x.user(), k -> new HashSet<>()).add(x.item());
            rows.merge(x.user(), 1, Integer::sum);
        }
        assertThat(items).hasSize(c.users());
        assertThat(items).allSatisfy((u, s) -> assertThat(s).hasSize(rows.get(u)));
        assertThat(rows.values()).allMatch(n -> n >= c.minCount() && n <= c.maxCount());
        double mean = SMALL.interactions().size() / (double) c.users();
        // log-normal with mu 2.8, sigma 1: mean exp(3.3) = 27, less the cap, more the floor of 5
        assertThat(mean).isBetween(20.0, 34.0);
    }

    @Test
    void theMovieRegimeHasFewUsersManyItemsAndALongTail() {
        SyntheticInteractions movies = SyntheticInteractions.generate(Config.movies());
        Map<String, Integer> perUser = new HashMap<>();
        Map<String, Integer> perItem = new HashMap<>();
        for (Interaction x : movies.interactions()) {
            perUser.merge(x.user(), 1, Integer::sum);
            perItem.merge(x.item(), 1, Integer::sum);
        }
        assertThat(movies.interactions()).hasSize(101_514);
        assertThat(perUser).hasSize(600);
        assertThat(perUser.values()).allMatch(n -> n >= 20 && n <= 2700);
        double density = movies.interactions().size() / (600.0 * perItem.size());
        assertThat(density).isBetween(0.014, 0.020);
        int top = perItem.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long once = perItem.values().stream().filter(n -> n == 1).count();
        assertThat(top).isBetween(240, 360); // about half the users
        assertThat(once).isGreaterThan(perItem.size() / 20L); // a long tail of items seen once
    }

    @Test
    void timesStrictlyIncreaseWithinEachUser() {
        List<Interaction> all = SMALL.interactions();
        for (int k = 1; k < all.size(); k++) {
            if (all.get(k).user().equals(all.get(k - 1).user())) {
                assertThat(all.get(k).at()).isGreaterThan(all.get(k - 1).at());
            }
        }
        assertThat(all.get(0).at()).isGreaterThanOrEqualTo(Config.small().start());
    }

    @Test
    void ratingsFollowTheTrueAffinityWithinEachUser() {
        Map<Double, Integer> stars = new HashMap<>();
        int users = SMALL.userIds().size();
        for (int u = 0; u < users; u++) {
            double[] a = SMALL.affinities(u);
            String id = SMALL.userIds().get(u);
            double worstFive = Double.POSITIVE_INFINITY;
            double bestOne = Double.NEGATIVE_INFINITY;
            for (Interaction x : SMALL.interactions()) {
                if (!x.user().equals(id)) {
                    continue;
                }
                stars.merge(x.weight(), 1, Integer::sum);
                double ai = a[SMALL.itemIds().indexOf(x.item())];
                if (x.weight() == 5) {
                    worstFive = Math.min(worstFive, ai);
                } else if (x.weight() == 1) {
                    bestOne = Math.max(bestOne, ai);
                }
            }
            assertThat(worstFive).isGreaterThan(bestOne);
        }
        assertThat(stars.keySet()).containsExactlyInAnyOrder(1.0, 2.0, 3.0, 4.0, 5.0);
        double total = SMALL.interactions().size();
        assertThat(stars.get(5.0) / total).isBetween(0.18, 0.26);
        assertThat(stars.get(4.0) / total).isBetween(0.26, 0.36);
        assertThat(stars.get(1.0) / total).isBetween(0.06, 0.12);
    }

    @Test
    void popularityHasALongTail() {
        int[] counts = new int[Config.small().items()];
        for (Interaction x : SMALL.interactions()) {
            counts[SMALL.itemIds().indexOf(x.item())]++;
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        int top = 0;
        for (int k = sorted.length - sorted.length / 10; k < sorted.length; k++) {
            top += sorted[k];
        }
        // the top 10 % of items hold far more than 10 % of the interactions
        assertThat(top / (double) SMALL.interactions().size()).isGreaterThan(0.3);
        // and a priori popular items are drawn more
        int head = 0;
        int tail = 0;
        for (int i = 0; i < counts.length; i++) {
            if (SMALL.popularityRank(i) < 20) {
                head += counts[i];
            } else if (SMALL.popularityRank(i) >= counts.length - 20) {
                tail += counts[i];
            }
        }
        assertThat(head).isGreaterThan(5 * tail);
    }

    @Test
    void theTrueAffinityBeatsPopularityOnHeldOutItems() {
        InteractionSplit split = InteractionSplit.random(SMALL.interactions(), 0.2, 1);
        InteractionMatrix train =
                InteractionMatrix.of(split.train(), SMALL.userIds(), SMALL.itemIds());
        InteractionMatrix test =
                InteractionMatrix.of(split.test(), SMALL.userIds(), SMALL.itemIds());
        int[] popularity = train.itemPopularity();
        double[] popularityScores = Arrays.stream(popularity).asDoubleStream().toArray();

        double oracle = 0;
        double popular = 0;
        int users = 0;
        for (int u = 0; u < train.users(); u++) {
            if (test.rowSize(u) == 0) {
                continue;
            }
            users++;
            oracle += hit(top10(SMALL.affinities(u), train.row(u)), test.row(u));
            popular += hit(top10(popularityScores, train.row(u)), test.row(u));
        }
        oracle /= users;
        popular /= users;
        System.out.printf("hit rate at 10: oracle %.3f, popularity %.3f%n", oracle, popular);
        assertThat(oracle).isGreaterThan(popular + 0.12);
        assertThat(popular).as("popularity is a real baseline, not nothing").isGreaterThan(0.1);
    }

    /** The 10 best-scored items the user has not met in training. */
    private static int[] top10(double[] scores, SparseVector seen) {
        double[] s = scores.clone();
        for (int k = 0; k < seen.size(); k++) {
            s[seen.index(k)] = Double.NEGATIVE_INFINITY;
        }
        return TopK.largest(s, 10);
    }

    private static int hit(int[] recommended, SparseVector relevant) {
        for (int i : recommended) {
            if (relevant.contains(i)) {
                return 1;
            }
        }
        return 0;
    }

    @Test
    void topKSelectsTheLargestWithTiesToTheLowerPosition() {
        assertThat(TopK.largest(new double[] {1, 5, 3, 5, 2}, 3)).containsExactly(1, 3, 2);
        assertThat(TopK.largest(new double[] {2, 2, 2}, 2)).containsExactly(0, 1);
        assertThat(TopK.largest(new double[] {1}, 3)).containsExactly(0);
    }

    @Test
    void rejectsImpossibleSettings() {
        Config s = Config.small();
        assertThatThrownBy(() -> new Config(10, 3, 4, 2, 0.5, 0.5, 1, 3, 1, 5, 10, 0, 10, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("items must be at least minCount");
        assertThatThrownBy(
                        () ->
                                new Config(
                                        s.users(),
                                        s.items(),
                                        s.dimension(),
                                        s.clusters(),
                                        s.userSpread(),
                                        0,
                                        s.popularityExponent(),
                                        s.logCountMean(),
                                        s.logCountSigma(),
                                        s.minCount(),
                                        s.maxCount(),
                                        s.start(),
                                        s.spanSeconds(),
                                        s.gapSeconds(),
                                        s.seed()))
                .hasMessageContaining("temperature");
    }

    @Test
    @Tag("slow")
    void theDefaultDatasetHasAboutThreeHundredThousandInteractions() {
        long start = System.nanoTime();
        SyntheticInteractions d = SyntheticInteractions.generate(Config.defaults());
        long ms = (System.nanoTime() - start) / 1_000_000;
        InteractionMatrix m = InteractionMatrix.of(d.interactions());
        int[] pop = m.itemPopularity();
        int[] sorted = pop.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s in %d ms; %d items met; item popularity min %d, median %d, max %d; ref %s%n",
                d,
                ms,
                m.items(),
                sorted[0],
                sorted[sorted.length / 2],
                sorted[sorted.length - 1],
                d.ref().sha256());
        assertThat(d.interactions().size()).isBetween(270_000, 330_000);
        assertThat(m.users()).isEqualTo(6000);
    }
}
