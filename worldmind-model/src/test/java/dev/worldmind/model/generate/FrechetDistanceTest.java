package dev.worldmind.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
    @Test
    void diagonalCovariancesHaveTheClosedForm() {
        // With diagonal covariances d² = |μ1 − μ2|² + Σ (√σ1ᵢ − √σ2ᵢ)².
        FeatureStatistics a = diagonal(new double[] {0, 1, 2}, new double[] {1, 4, 9});
        FeatureStatistics b = diagonal(new double[] {1, 1, 0}, new double[] {4, 1, 9});
        double expected = (1 + 0 + 4) + (1 + 1 + 0);
        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-9));
        assertThat(FrechetDistance.between(b, a)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aCommonRotationLeavesTheDistanceUnchanged() {
        // Rotating both Gaussians by the same orthogonal matrix gives full, non-commuting-looking
        // covariances whose distance must still be the diagonal closed form.
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] r = {{c, -s}, {s, c}};
        FeatureStatistics a = rotate(r, new double[] {0, 0}, new double[] {1, 9});
        FeatureStatistics b = rotate(r, new double[] {3, 4}, new double[] {4, 1});
        double expected = 25 + (1 - 2) * (1 - 2) + (3 - 1) * (3 - 1);
        assertThat(FrechetDistance.between(a, b)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void identicalSetsAreAtDistanceZeroAndShiftsAddTheirSquare() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] x = new float[2_000][16];
        float[][] shifted = new float[x.length][16];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 16; j++) {
                x[i][j] = (float) (GanNetworks.gaussian(random) * (1 + j % 3) + (i % 7) * 0.1 * j);
                shifted[i][j] = x[i][j] + (j == 3 ? 2f : 0f);
            }
        }
        FeatureStatistics a = FeatureStatistics.of(x);
        assertThat(FrechetDistance.between(a, FeatureStatistics.of(x))).isLessThan(1e-6);
        assertThat(FrechetDistance.between(a, FeatureStatistics.of(shifted)))
                .isCloseTo(4.0, within(1e-3));
    }

    @Test
    void fitsTheUnbiasedCovariance() {
        FeatureStatistics s = FeatureStatistics.of(new float[][] {{1, 2}, {3, 6}});
        assertThat(s.mean()).containsExactly(2, 4);
        assertThat(s.covariance()[0]).containsExactly(2, 4);
        assertThat(s.covariance()[1]).containsExactly(4, 8);
    }

    private static FeatureStatistics diagonal(double[] mean, double[] variances) {
        double[][] cov = new double[mean.length][mean.length];
        for (int i = 0; i < mean.length; i++) {
            cov[i][i] = variances[i];
        }
        return new FeatureStatistics(mean, cov, 100);
    }

    private static FeatureStatistics rotate(double[][] r, double[] mean, double[] variances) {
        int d = mean.length;
        double[] m = new double[d];
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                m[i] += r[i][k] * mean[k];
                for (int j = 0; j < d; j++) {
                    cov[i][j] += r[i][k] * variances[k] * r[j][k];
                }
            }
        }
        return new FeatureStatistics(m, cov, 100);
    }
}
