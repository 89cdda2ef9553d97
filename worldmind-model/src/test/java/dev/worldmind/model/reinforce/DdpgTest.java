package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdpgTest {
    private static final long STEPS = 6000;

    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void improvesOnPendulumReproduciblyAndSavesAPolicyThatActs(@TempDir Path dir) {
        // Smaller networks and batches than the defaults, to keep the test short.
        Ddpg d = Ddpg.defaults();
        Ddpg ddpg =
                new Ddpg(
                        List.of(64, 64),
                        1e-3,
                        1e-3,
                        64,
                        50_000,
                        1000,
                        d.gamma(),
                        d.tau(),
                        d.actionNoise(),
                        false,
                        1,
                        0,
                        0);
        LearningSetup setup = LearningSetup.of(STEPS, 3, dir.resolve("a")).withEvaluation(1000, 5);
        LearningResult r = ddpg.learn(Pendulum::new, setup);
        assertThat(r.algorithm()).isEqualTo("ddpg");
        // An untrained or random policy scores about -1200 to -1500 here.
        assertThat(r.best().meanReward()).isGreaterThan(-700);

        try (Policy best = PolicyArtifact.load(r.policyDir())) {
            float[] a = best.actContinuous(new float[] {1, 0, 0});
            assertThat(a).hasSize(1);
            assertThat(a[0]).isBetween(-2f, 2f);
            assertThat(PolicyEvaluation.run(Pendulum::new, best, 3, 77).meanReward())
                    .isGreaterThan(-900);
        }
    }

    @Test
    void sameSeedSameRunInTd3Mode(@TempDir Path dir) {
        Ddpg td3 = Ddpg.td3();
        assertThat(td3.name()).isEqualTo("td3");
        LearningSetup setup = LearningSetup.of(600, 9, dir.resolve("a")).withEvaluation(600, 2);
        Ddpg quick =
                new Ddpg(
                        td3.hidden(),
                        td3.actorLearningRate(),
                        td3.criticLearningRate(),
                        64,
                        10_000,
                        300,
                        td3.gamma(),
                        td3.tau(),
                        td3.actionNoise(),
                        true,
                        2,
                        0.2,
                        0.5);
        LearningResult a = quick.learn(Pendulum::new, setup);
        LearningResult b = quick.learn(Pendulum::new, setup);
        assertThat(b.best().rewards()).isEqualTo(a.best().rewards());
    }

    @Test
    void refusesDiscreteActions(@TempDir Path dir) {
        assertThatThrownBy(() -> Ddpg.defaults().learn(CartPole::new, LearningSetup.of(10, 1, dir)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("ddpg")
                .hasMessageContaining("CartPole-v1")
                .hasMessageContaining("Discrete");
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> withTargets(0, false, 1, 0, 0)).hasMessageContaining("tau");
        assertThatThrownBy(() -> withTargets(0.005, true, 0, 0.2, 0.5))
                .hasMessageContaining("td3")
                .hasMessageContaining("policyDelay");
        assertThat(Ddpg.defaults().config())
                .containsEntry("twin", false)
                .containsEntry("tau", 0.005);
    }

    /**
     * The defaults but for the target networks' settings, which the constructor checks together.
     */
    private static Ddpg withTargets(
            double tau, boolean twin, int policyDelay, double targetNoise, double targetNoiseClip) {
        Ddpg d = Ddpg.defaults();
        return new Ddpg(
                d.hidden(),
                d.actorLearningRate(),
                d.criticLearningRate(),
                d.batchSize(),
                d.bufferSize(),
                d.learningStarts(),
                d.gamma(),
                tau,
                d.actionNoise(),
                twin,
                policyDelay,
                targetNoise,
                targetNoiseClip);
    }
}
