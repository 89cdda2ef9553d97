package dev.worldmind.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.recommend.Parameters;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkAlsRecommenderTest {
    private static final int K = 6;
    private static final int ITEMS = 40;

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) r.nextGaussian() * 0.3f;
        }
        return f;
    }

    private final float[] items = random(ITEMS * K, 1);
    private final SparkAlsRecommender model =
            new SparkAlsRecommender(K, random(3 * K, 2), items, 4.0, 0.05);

    @Test
    void foldInSolvesTheImplicitNormalEquations() {
        SparseVector history =
                new SparseVector(new int[] {1, 5, 9, 17, 30}, new float[] {1, 3, 1, 5, 2});
        float[] x = model.userFactors(-1, history);
        // (Y'Y + sum c1 y y' + lambda n I) x - sum (1 + c1) y, computed here the slow way
        double[] residual = new double[K];
        for (int i = 0; i < ITEMS; i++) {
            double dot = 0;
            for (int f = 0; f < K; f++) {
                dot += items[i * K + f] * x[f];
            }
            int j = indexOf(history, i);
            double c = j < 0 ? 1 : 1 + 4.0 * history.value(j);
            double p = j < 0 ? 0 : 1;
            for (int f = 0; f < K; f++) {
                residual[f] += c * (dot - p) * items[i * K + f];
            }
        }
        for (int f = 0; f < K; f++) {
            residual[f] += 0.05 * history.size() * x[f];
            assertThat(residual[f]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    private static int indexOf(SparseVector v, int pos) {
        for (int j = 0; j < v.size(); j++) {
            if (v.index(j) == pos) {
                return j;
            }
        }
        return -1;
    }

    @Test
    void knownUsersScoreWithTheirTrainedFactors() {
        float[] scores = model.score(1, SparseVector.EMPTY);
        float[] u = model.userFactors(1, SparseVector.EMPTY);
        double dot = 0;
        for (int f = 0; f < K; f++) {
            dot += u[f] * items[7 * K + f];
        }
        assertThat(scores).hasSize(ITEMS);
        assertThat((double) scores[7]).isCloseTo(dot, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(model.score(-1, SparseVector.EMPTY)).containsOnly(0f);
    }

    @Test
    void similarItemsAreCosinesOfItemFactors() {
        float[] sims = model.similarItems(3);
        assertThat((double) sims[3]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
        for (float s : sims) {
            assertThat(s).isBetween(-1.0001f, 1.0001f);
        }
    }

    @Test
    void historyOutsideTheCatalogueIsRefused() {
        assertThatThrownBy(
                        () -> model.score(-1, new SparseVector(new int[] {ITEMS}, new float[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersRoundTripThroughAFile(@TempDir Path dir) {
        Path file = dir.resolve("spark-als.wmrp");
        model.parameters().write(file);
        SparkAlsRecommender back = SparkAlsRecommender.fromParameters(Parameters.read(file));
        SparseVector h = new SparseVector(new int[] {2, 4}, new float[] {1, 5});
        assertThat(back.algorithm()).isEqualTo(SparkAls.NAME);
        assertThat(back.score(-1, h)).containsExactly(model.score(-1, h));
        assertThat(back.score(2, SparseVector.EMPTY))
                .containsExactly(model.score(2, SparseVector.EMPTY));
        assertThatThrownBy(
                        () ->
                                SparkAlsRecommender.fromParameters(
                                        Parameters.builder("popularity").build()))
                .isInstanceOf(InvalidDataException.class);
    }
}
