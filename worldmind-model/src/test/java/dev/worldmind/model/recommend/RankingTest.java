package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.data.interaction.SparseVector;
import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void picksTheBestFirstAndLeavesOutTheHistory() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};
        SparseVector seen = new SparseVector(new int[] {1}, new float[] {1});
        assertThat(Ranking.top(scores, 3, seen)).containsExactly(3, 2, 4);
    }

    @Test
    void breaksTiesByTheLowerIndexAndNeverRanksNan() {
        float[] scores = {1, Float.NaN, 1, 2, 1};
        assertThat(Ranking.top(scores, 4, SparseVector.EMPTY)).containsExactly(3, 0, 2, 4);
    }

    @Test
    void appliesTheFilterAndReturnsFewerWhenFewAreAllowed() {
        float[] scores = {5, 4, 3, 2, 1};
        assertThat(Ranking.top(scores, 3, SparseVector.EMPTY, i -> i % 2 == 1))
                .containsExactly(1, 3);
        assertThat(Ranking.top(scores, 0, SparseVector.EMPTY)).isEmpty();
        assertThat(Ranking.top(new float[0], 3, SparseVector.EMPTY)).isEmpty();
    }

    @Test
    void refusesANegativeLength() {
        assertThatThrownBy(() -> Ranking.top(new float[3], -1, SparseVector.EMPTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
