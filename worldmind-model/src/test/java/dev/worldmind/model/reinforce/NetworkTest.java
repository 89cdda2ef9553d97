package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTest {
    private static final NetworkSpec SPEC = NetworkSpec.linear(3, List.of(16, 16), 1, "tanh");

    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void learnsARegressionWithItsOwnLoss() {
        SplittableRandom random = new SplittableRandom(1);
        float[][] x = new float[64][3];
        float[] y = new float[64];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = (float) (random.nextDouble() * 2 - 1);
            }
            y[i] = x[i][0] - 0.5f * x[i][1] + 0.25f * x[i][2];
        }
        try (Network net = Network.create(SPEC, 0.01, 1.0, 7)) {
            double first = loss(net, x, y, false);
            for (int i = 0; i < 200; i++) {
                loss(net, x, y, true);
            }
            assertThat(loss(net, x, y, false)).isLessThan(first / 10);
        }
    }

    @Test
    void sameSeedSameWeightsAndFollowCopies() {
        float[][] x = {{0.1f, -0.2f, 0.3f}, {1f, 1f, -1f}};
        try (Network a = Network.create(SPEC, 0.01, 1.0, 3);
                Network b = Network.create(SPEC, 0.01, 1.0, 3);
                Network c = Network.create(SPEC, 0.01, 1.0, 4)) {
            assertThat(a.predict(x)).isDeepEqualTo(b.predict(x));
            assertThat(c.predict(x)[0][0]).isNotEqualTo(a.predict(x)[0][0]);
            c.follow(a, 1.0);
            assertThat(c.predict(x)).isDeepEqualTo(a.predict(x));
        }
    }

    @Test
    void savesAndLoadsForActing(@TempDir Path dir) {
        float[][] x = {{0.5f, 0.25f, -1f}};
        try (Network a = Network.create(SPEC, 0.01, 1.0, 5)) {
            a.save(dir, "net");
            try (Network b = Network.load(SPEC, dir, "net")) {
                assertThat(b.predict(x)).isDeepEqualTo(a.predict(x));
            }
        }
    }

    @Test
    void orthogonalRowsAreOrthonormal() {
        float[] w = Network.orthogonal(4, 8, 1.0, new SplittableRandom(2));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double dot = 0;
                for (int k = 0; k < 8; k++) {
                    dot += w[i * 8 + k] * w[j * 8 + k];
                }
                assertThat(dot)
                        .isCloseTo(i == j ? 1 : 0, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    private static double loss(Network net, float[][] x, float[] y, boolean train) {
        try (NDManager m = net.manager().newSubManager()) {
            NDArray in = m.create(x);
            NDArray target = m.create(y).reshape(-1, 1);
            if (!train) {
                return net.forward(in).sub(target).square().mean().getFloat();
            }
            try (GradientCollector g = net.collector()) {
                NDArray l = net.forward(in).sub(target).square().mean();
                g.backward(l);
                net.step();
                return l.getFloat();
            }
        }
    }
}
