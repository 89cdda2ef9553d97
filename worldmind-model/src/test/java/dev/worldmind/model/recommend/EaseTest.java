package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EaseTest {
    private static final InteractionMatrix TINY = ItemKnnTest.TINY;

    /**
     * B by a direct computation: the binary Gram matrix of {@link ItemKnnTest#TINY} (a: 3 users, b:
     * 3, c: 2; a&b 2, a&c 1, b&c 2) plus λI, inverted by cofactors, B = -P / diag(P).
     */
    private static double[][] direct(double lambda) {
        double[][] g = {{3 + lambda, 2, 1}, {2, 3 + lambda, 2}, {1, 2, 2 + lambda}};
        double det =
                g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1])
                        - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
                        + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
        double[][] p = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r1 = (j + 1) % 3;
                int r2 = (j + 2) % 3;
                int c1 = (i + 1) % 3;
                int c2 = (i + 2) % 3;
                // the inverse is the transposed cofactor matrix over the determinant
                p[i][j] = (g[r1][c1] * g[r2][c2] - g[r1][c2] * g[r2][c1]) / det;
            }
        }
        double[][] b = new double[3][3];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                b[j][i] = i == j ? 0 : -p[j][i] / p[i][i];
            }
        }
        return b;
    }

    @Test
    void matchesADirectComputationOnThreeItems() {
        double lambda = 0.5;
        double[][] b = direct(lambda);
        Recommender r = new Ease(lambda, true, 10).fit(TINY, ProgressMonitor.silent());
        for (int j = 0; j < 3; j++) {
            float[] row = r.similarItems(j);
            for (int i = 0; i < 3; i++) {
                assertThat(row[i]).as("B[%d][%d]", j, i).isCloseTo((float) b[j][i], within(1e-6f));
            }
        }
        float[] s = r.score(-1, new SparseVector(new int[] {0, 2}, new float[] {7, 7}));
        assertThat(s[1]).isCloseTo((float) (b[0][1] + b[2][1]), within(1e-6f));
        assertThat(s[0]).isCloseTo((float) b[2][0], within(1e-6f));
    }

    @Test
    void invertsASymmetricPositiveDefiniteMatrixFromItsLowerTriangle() {
        Random random = new Random(3);
        int n = 40;
        double[][] m = new double[n][n];
        double[][] x = new double[n][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    m[i][j] += x[k][i] * x[k][j];
                }
            }
            m[i][i] += 1;
        }
        double[][] lower = new double[n][];
        for (int i = 0; i < n; i++) {
            lower[i] = Arrays.copyOf(m[i], i + 1);
        }
        Ease.invertLower(lower);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += m[i][k] * (k >= j ? lower[k][j] : lower[j][k]);
                }
                assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void foldsInANewInteraction() {
        Recommender r = Ease.defaults().withLambda(1).fit(TINY, ProgressMonitor.silent());
        SparseVector row = TINY.row(3);
        float[] before = r.score(3, row);
        float[] after = r.score(-1, row.plus(2, 1));
        assertThat(after).isNotEqualTo(before);
        assertThat(after[1]).isCloseTo(before[1] + r.similarItems(2)[1], within(1e-6f));
    }

    @Test
    void savedParametersGiveTheSameScores(@TempDir Path dir) {
        Recommender r = new Ease(2, false, 10).fit(TINY, ProgressMonitor.silent());
        Path file = dir.resolve("ease.wmrp");
        r.parameters().write(file);
        Recommender back = Ease.fromParameters(Parameters.read(file));
        assertThat(back.algorithm()).isEqualTo(Ease.NAME);
        for (int u = 0; u < TINY.users(); u++) {
            assertThat(back.score(u, TINY.row(u))).containsExactly(r.score(u, TINY.row(u)));
        }
    }

    @Test
    void refusesCataloguesAboveItsLimit() {
        assertThatThrownBy(() -> new Ease(100, true, 2).fit(TINY, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("refuses 3 items")
                .hasMessageContaining("limit is 2");
    }

    @Test
    void refusesNoInteractions() {
        assertThatThrownBy(
                        () ->
                                Ease.defaults()
                                        .fit(
                                                InteractionMatrix.of(List.of()),
                                                ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void refusesInconsistentParameters() {
        Parameters p =
                Parameters.builder(Ease.NAME)
                        .put("binary", 1)
                        .put("items", 3)
                        .put("weights", new float[8])
                        .build();
        assertThatThrownBy(() -> Ease.fromParameters(p))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("8 weights for 3 items");
    }
}
