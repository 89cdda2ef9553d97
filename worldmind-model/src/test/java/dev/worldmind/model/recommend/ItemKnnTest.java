package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemKnnTest {
    /**
     * Items a, b, c (0, 1, 2). Their user columns: a = {u0, u1, u3}, b = {u0, u1, u2}, c = {u1,
     * u2}; so |a| = |b| = √3, |c| = √2, a·b = 2, a·c = 1, b·c = 2.
     */
    static final InteractionMatrix TINY =
            InteractionMatrix.of(
                    List.of(
                            new Interaction("u0", "a", 1, 1),
                            new Interaction("u0", "b", 4, 2),
                            new Interaction("u1", "a", 1, 3),
                            new Interaction("u1", "b", 1, 4),
                            new Interaction("u1", "c", 1, 5),
                            new Interaction("u2", "b", 1, 6),
                            new Interaction("u2", "c", 2, 7),
                            new Interaction("u3", "a", 1, 8)));

    private static Recommender fit(ItemKnn knn) {
        return knn.fit(TINY, ProgressMonitor.silent());
    }

    @Test
    void similaritiesArePlainCosinesWithoutShrinkage() {
        float[] a = fit(new ItemKnn(10, 0, true)).similarItems(0);
        assertThat(a[0]).isEqualTo(1f);
        assertThat(a[1]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(a[2]).isCloseTo((float) (1 / Math.sqrt(6)), within(1e-6f));
    }

    @Test
    void shrinkageLowersSimilaritiesBuiltOnFewUsers() {
        float[] b = fit(new ItemKnn(10, 1, true)).similarItems(1);
        assertThat(b[0]).isCloseTo(2f / (3 + 1), within(1e-6f));
        assertThat(b[2]).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void weightedSimilaritiesUseTheWeights() {
        // a = (1, 1, 0, 1), c = (0, 1, 2, 0) over u0..u3: a·c = 1, |a| = √3, |c| = √5
        float[] a = fit(new ItemKnn(10, 0, false)).similarItems(0);
        assertThat(a[2]).isCloseTo((float) (1 / Math.sqrt(15)), within(1e-6f));
    }

    @Test
    void scoresSumTheHistorysSimilarities() {
        Recommender r = fit(new ItemKnn(10, 1, true));
        float ab = 0.5f;
        float bc = (float) (2 / (Math.sqrt(6) + 1));
        float ac = (float) (1 / (Math.sqrt(6) + 1));
        float[] s = r.score(-1, new SparseVector(new int[] {0, 2}, new float[] {1, 1}));
        assertThat(s[1]).isCloseTo(ab + bc, within(1e-6f));
        assertThat(s[0]).isCloseTo(ac, within(1e-6f));
        assertThat(s[2]).isCloseTo(ac, within(1e-6f));
    }

    @Test
    void weightedScoresMultiplyByTheHistoryValues() {
        Recommender r = fit(new ItemKnn(10, 0, false));
        float[] once = r.score(-1, new SparseVector(new int[] {0}, new float[] {1}));
        float[] thrice = r.score(-1, new SparseVector(new int[] {0}, new float[] {3}));
        assertThat(thrice[2]).isCloseTo(3 * once[2], within(1e-6f));
    }

    @Test
    void keepsOnlyTheMostSimilarNeighbours() {
        Recommender r = fit(new ItemKnn(1, 1, true));
        // a's best is b (0.5 > 0.29); b's best is c (0.58 > 0.5); c's best is b
        assertThat(r.similarItems(0)).containsExactly(1f, 0.5f, 0f);
        assertThat(r.similarItems(1)[0]).isZero();
        assertThat(r.similarItems(1)[2]).isGreaterThan(0.5f);
        assertThat(r.similarItems(2)[0]).isZero();
    }

    @Test
    void foldsInANewInteraction() {
        Recommender r = fit(ItemKnn.defaults());
        SparseVector row = TINY.row(3);
        float[] before = r.score(3, row);
        float[] after = r.score(-1, row.plus(2, 1));
        assertThat(after[1]).isGreaterThan(before[1]);
    }

    @Test
    void savedParametersGiveTheSameScores(@TempDir Path dir) {
        Recommender r = fit(new ItemKnn(2, 5, false));
        Path file = dir.resolve("knn.wmrp");
        r.parameters().write(file);
        Recommender back = ItemKnn.fromParameters(Parameters.read(file));
        assertThat(back.algorithm()).isEqualTo(ItemKnn.NAME);
        assertThat(back.items()).isEqualTo(3);
        for (int u = 0; u < TINY.users(); u++) {
            assertThat(back.score(u, TINY.row(u))).containsExactly(r.score(u, TINY.row(u)));
        }
        assertThat(back.similarItems(1)).containsExactly(r.similarItems(1));
    }

    @Test
    void refusesNoInteractions() {
        InteractionMatrix empty = InteractionMatrix.of(List.of());
        assertThatThrownBy(() -> ItemKnn.defaults().fit(empty, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void refusesAnotherAlgorithmsParameters() {
        assertThatThrownBy(() -> ItemKnn.fromParameters(new Popularity().parameters()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not item-knn");
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new ItemKnn(0, 10, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemKnn(10, -1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
