package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AlsSolverTest {
    private static final int K = 8;
    private final Random random = new Random(3);
    private final float[] y = randomFactors(40);
    private final int[] cols = {2, 5, 11, 17, 23, 31};
    private final float[] conf = {2, 11, 3, 6, 1.5f, 21};
    private final double[] gram = AlsSolver.gram(y, K);

    @Test
    void choleskySolvesAKnownSystem() {
        double[] a = {4, 2, 2, 3};
        double[] b = {8, 8}; // x = (1, 2)
        AlsSolver.choleskySolve(a, b, 2);
        assertThat(b[0]).isCloseTo(1, within(1e-12));
        assertThat(b[1]).isCloseTo(2, within(1e-12));
    }

    @Test
    void conjugateGradientReachesTheCholeskySolutionInKSteps() {
        float[] exact = new float[K];
        float[] cg = new float[K];
        AlsSolver s = new AlsSolver(K, gram, y, cols, conf);
        s.exact(0.5, 0, cols.length, exact, 0);
        s.conjugateGradient(0.5, 0, cols.length, cg, 0, K);
        assertThat(exact).isNotEqualTo(new float[K]);
        for (int f = 0; f < K; f++) {
            assertThat(cg[f]).isCloseTo(exact[f], within(1e-4f));
        }
    }

    @Test
    void warmStartedThreeStepRoundsConvergeToTheCholeskySolution() {
        float[] exact = new float[K];
        float[] cg = new float[K];
        AlsSolver s = new AlsSolver(K, gram, y, cols, conf);
        s.exact(0.5, 0, cols.length, exact, 0);
        s.conjugateGradient(0.5, 0, cols.length, cg, 0, 3);
        double afterOne = distance(cg, exact);
        for (int round = 0; round < 10; round++) {
            s.conjugateGradient(0.5, 0, cols.length, cg, 0, 3);
        }
        assertThat(distance(cg, exact)).isLessThan(1e-4).isLessThan(afterOne);
    }

    @Test
    void gramIsTheProductOfTheFactorsWithThemselves() {
        float[] f = {1, 2, 3, 4}; // rows (1, 2) and (3, 4)
        assertThat(AlsSolver.gram(f, 2)).containsExactly(10, 14, 14, 20);
    }

    private float[] randomFactors(int rows) {
        float[] v = new float[rows * K];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian() * 0.5f;
        }
        return v;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
