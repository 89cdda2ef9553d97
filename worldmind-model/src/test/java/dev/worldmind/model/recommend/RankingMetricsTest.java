package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final double EPS = 1e-9;

    @Test
    void scoresOneUserByHand() {
        // Ranked [3, 1, 4]; relevant {1, 4, 5}: hits at ranks 2 and 3.
        RankingReport r =
                RankingMetrics.evaluate(
                        3, new int[][] {{3, 1, 4}}, new int[][] {{5, 1, 4}}, new int[6], 1);
        assertThat(r.users()).isEqualTo(1);
        assertThat(r.precision()).isCloseTo(2 / 3.0, within(EPS));
        assertThat(r.recall()).isCloseTo(2 / 3.0, within(EPS));
        double dcg = 1 / log2(3) + 1 / log2(4);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(r.ndcg()).isCloseTo(dcg / idcg, within(EPS));
        assertThat(r.hitRate()).isEqualTo(1.0);
        assertThat(r.map()).isCloseTo((1 / 2.0 + 2 / 3.0) / 3, within(EPS));
        assertThat(r.coverage()).isCloseTo(3 / 6.0, within(EPS));
    }

    @Test
    void aPerfectListScoresOneAndAnEmptyOneZero() {
        RankingReport perfect =
                RankingMetrics.evaluate(
                        2, new int[][] {{0, 1}}, new int[][] {{1, 0}}, new int[] {1, 1, 1}, 1);
        assertThat(perfect.ndcg()).isCloseTo(1.0, within(EPS));
        assertThat(perfect.map()).isCloseTo(1.0, within(EPS));
        assertThat(perfect.precision()).isCloseTo(1.0, within(EPS));

        RankingReport nothing =
                RankingMetrics.evaluate(
                        2, new int[][] {{}}, new int[][] {{1}}, new int[] {1, 1, 1}, 1);
        assertThat(nothing.ndcg()).isZero();
        assertThat(nothing.hitRate()).isZero();
        assertThat(nothing.coverage()).isZero();
    }

    @Test
    void averagesOverUsersWithHeldOutItemsOnly() {
        RankingReport r =
                RankingMetrics.evaluate(
                        1,
                        new int[][] {{0}, {1}, {2}},
                        new int[][] {{0}, {0}, {}},
                        new int[] {2, 1, 1},
                        4);
        assertThat(r.users()).isEqualTo(2);
        assertThat(r.hitRate()).isCloseTo(0.5, within(EPS));
        assertThat(r.coverage()).isCloseTo(1.0, within(EPS)); // user 2's list still counts
        // novelty: items with 2, 1 and 1 of 4 users: (1 + 2 + 2) / 3 bits
        assertThat(r.novelty()).isCloseTo(5 / 3.0, within(EPS));
    }

    @Test
    void cutsListsAtKAndRejectsBadInput() {
        RankingReport r =
                RankingMetrics.evaluate(1, new int[][] {{2, 0}}, new int[][] {{0}}, new int[3], 1);
        assertThat(r.hitRate()).isZero(); // the hit at rank 2 is beyond k
        assertThatThrownBy(
                        () ->
                                RankingMetrics.evaluate(
                                        2, new int[][] {{0, 0}}, new int[][] {{0}}, new int[3], 1))
                .hasMessageContaining("repeats item 0");
        assertThatThrownBy(
                        () ->
                                RankingMetrics.evaluate(
                                        2, new int[][] {{7}}, new int[][] {{0}}, new int[3], 1))
                .hasMessageContaining("not in the catalogue");
        assertThatThrownBy(
                        () ->
                                RankingMetrics.evaluate(
                                        2, new int[][] {{0}}, new int[0][], new int[3], 1))
                .hasMessageContaining("one recommendation list per user");
        assertThatThrownBy(
                        () -> RankingMetrics.evaluate(0, new int[0][], new int[0][], new int[0], 0))
                .hasMessageContaining("k is at least 1");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
