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
import java.util.ArrayList;
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
        Recommender r = new Ease(lambda, true).fit(TINY, ProgressMonitor.silent());
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

    /** A random sparse matrix, users x items, weights 1-5, about {@code density} filled. */
    private static InteractionMatrix random(int users, int items, double density, long seed) {
        Random random = new Random(seed);
        List<Interaction> all = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            // item u % items first, so every item and user occurs
            all.add(new Interaction("u" + u, "i" + (u % items), 1 + random.nextInt(5), 0));
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < density) {
                    all.add(new Interaction("u" + u, "i" + i, 1 + random.nextInt(5), 0));
                }
            }
        }
        for (int i = 0; i < items; i++) {
            all.add(new Interaction("u" + (i % users), "i" + i, 1, 0));
        }
        return InteractionMatrix.of(all);
    }

    private static void assertAgrees(float[] actual, float[] expected, float tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("B[%d]", k).isCloseTo(expected[k], within(tolerance));
        }
    }

    @Test
    void bothSidesAgreeWithTheSweepOperatorReference() {
        for (boolean binary : new boolean[] {true, false}) {
            // more users than items (the Gram side) and fewer (the user-kernel side)
            for (InteractionMatrix x : List.of(random(70, 40, 0.15, 1), random(40, 70, 0.15, 2))) {
                float[] expected = EaseReference.weights(x, 3, binary);
                ProgressMonitor quiet = ProgressMonitor.silent();
                assertAgrees(
                        EaseWeights.primal(x, 3, binary, quiet, SymmetricInverse::sweep),
                        expected,
                        1e-5f);
                assertAgrees(
                        EaseWeights.dual(x, 3, binary, quiet, SymmetricInverse::sweep),
                        expected,
                        1e-5f);
            }
        }
    }

    @Test
    void engineInverseAgreesWithTheReference() {
        InteractionMatrix x = random(70, 40, 0.15, 3);
        float[] expected = EaseReference.weights(x, 3, true);
        ProgressMonitor quiet = ProgressMonitor.silent();
        assertAgrees(
                EaseWeights.primal(
                        x, 3, true, quiet, (a, n) -> SymmetricInverse.onEngine(a, n, false)),
                expected,
                1e-5f);
        assertAgrees(
                EaseWeights.primal(
                        x, 3, true, quiet, (a, n) -> SymmetricInverse.onEngine(a, n, true)),
                expected,
                1e-4f);
        InteractionMatrix wide = random(40, 70, 0.15, 6);
        assertAgrees(
                EaseWeights.dual(
                        wide, 3, true, quiet, (a, n) -> SymmetricInverse.onEngine(a, n, false)),
                EaseReference.weights(wide, 3, true),
                1e-5f);
    }

    @Test
    void reportsEachPhase() {
        List<String> messages = new ArrayList<>();
        new Ease(3, true).fit(random(40, 70, 0.15, 4), messages::add);
        assertThat(messages)
                .anyMatch(m -> m.contains("users x") && m.contains("heap"))
                .anyMatch(m -> m.contains("inverse"))
                .anyMatch(m -> m.contains("weights"));
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
        Recommender r = new Ease(2, false).fit(TINY, ProgressMonitor.silent());
        Path file = dir.resolve("ease.wmrp");
        r.parameters().write(file);
        Recommender back = Ease.fromParameters(Parameters.read(file));
        assertThat(back.algorithm()).isEqualTo(Ease.NAME);
        for (int u = 0; u < TINY.users(); u++) {
            assertThat(back.score(u, TINY.row(u))).containsExactly(r.score(u, TINY.row(u)));
        }
    }

    @Test
    void refusesWhatTheHeapCannotHoldAndSaysWhatItNeeds() {
        InteractionMatrix x = random(40, 70, 0.15, 5);
        long needed = EaseWeights.plan(x.users(), x.items(), 0).heapBytes();
        Ease ease = Ease.defaults();
        assertThatThrownBy(() -> ease.fit(x, ProgressMonitor.silent(), () -> needed - 1))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("70 items")
                .hasMessageContaining("needs about")
                .hasMessageContaining("-Xmx")
                .hasMessageContaining("--kcore");
        assertThat(ease.fit(x, ProgressMonitor.silent(), () -> needed).items()).isEqualTo(70);
    }

    @Test
    void plansTheSmallerSideAndItsMemory() {
        // 10,000 items: the weights alone are 400 MB of floats; few users add little to them
        EaseWeights.Plan dual = EaseWeights.plan(600, 10_000, 0);
        assertThat(dual.side()).isEqualTo(EaseWeights.Side.USERS);
        assertThat(dual.heapBytes()).isBetween(400_000_000L, 500_000_000L);
        // many users, no room for the engine: the 10,000 x 10,000 Gram matrix in doubles and then
        // the weights (or, before them, the sweep's lower triangle) on the heap
        EaseWeights.Plan onHeap = EaseWeights.plan(20_000, 10_000, 0);
        assertThat(onHeap.side()).isEqualTo(EaseWeights.Side.ITEMS);
        assertThat(onHeap.onEngine()).isFalse();
        assertThat(onHeap.heapBytes()).isEqualTo(1_200_000_000L);
        // with the engine (on the test class path) and room outside the heap, the inverse moves
        EaseWeights.Plan onEngine = EaseWeights.plan(20_000, 10_000, Long.MAX_VALUE);
        assertThat(onEngine.onEngine()).isTrue();
        assertThat(onEngine.nativeBytes()).isPositive();
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
