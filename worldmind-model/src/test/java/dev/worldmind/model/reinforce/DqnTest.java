package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqnTest {
    private static final long STEPS = 10_000;

    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void improvesOnCartPoleAndSavesAPolicyThatActs(@TempDir Path dir) {
        Dqn dqn = Dqn.defaults();
        LearningSetup setup = LearningSetup.of(STEPS, 5, dir.resolve("a")).withEvaluation(2000, 10);
        EvaluationReport untrained;
        try (Network q =
                        Network.create(
                                NetworkSpec.linear(4, dqn.hidden(), 2, "relu"), 1e-3, 1.0, 5);
                Policy p = new NetworkPolicy(q, new ActionSpace.Discrete(2), false)) {
            untrained =
                    PolicyEvaluation.run(
                            CartPole::new, p, 10, 5 + LearningSession.EVALUATION_SEED_OFFSET);
        }
        LearningResult r = dqn.learn(CartPole::new, setup);
        assertThat(r.algorithm()).isEqualTo("dqn");
        assertThat(r.steps()).isEqualTo(STEPS);
        assertThat(r.best().meanReward()).isGreaterThan(Math.max(150, 3 * untrained.meanReward()));

        try (Policy best = PolicyArtifact.load(r.policyDir())) {
            EvaluationReport check = PolicyEvaluation.run(CartPole::new, best, 3, 99);
            assertThat(check.meanReward()).isGreaterThan(untrained.meanReward());
        }
        assertThat(PolicyArtifact.read(r.policyDir()).hyperparameters())
                .containsEntry("algorithm", "dqn")
                .containsEntry("batchSize", 64);
    }

    @Test
    void sameSeedSameRun(@TempDir Path dir) {
        LearningSetup setup = LearningSetup.of(2500, 11, dir).withEvaluation(1250, 3);
        LearningResult a = Dqn.defaults().learn(CartPole::new, setup);
        LearningResult b = Dqn.defaults().learn(CartPole::new, setup);
        assertThat(b.best().rewards()).isEqualTo(a.best().rewards());
        assertThat(b.bestAt()).isEqualTo(a.bestAt());
    }

    @Test
    void refusesContinuousActions(@TempDir Path dir) {
        assertThatThrownBy(() -> Dqn.defaults().learn(Pendulum::new, LearningSetup.of(10, 1, dir)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("dqn")
                .hasMessageContaining("Pendulum-v1")
                .hasMessageContaining("Box");
    }

    @Test
    void explorationFallsLinearlyThenStays() {
        Dqn dqn = Dqn.defaults();
        assertThat(dqn.epsilon(0, 1000)).isEqualTo(1.0);
        assertThat(dqn.epsilon(80, 1000))
                .isCloseTo(0.52, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dqn.epsilon(160, 1000))
                .isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dqn.epsilon(900, 1000))
                .isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void validatesItsSettings() {
        Dqn d = Dqn.defaults();
        assertThatThrownBy(
                        () ->
                                new Dqn(
                                        d.hidden(),
                                        0,
                                        64,
                                        100,
                                        0,
                                        0.99,
                                        10,
                                        4,
                                        1,
                                        0.1,
                                        1,
                                        0.05,
                                        true))
                .hasMessageContaining("learningRate");
        assertThatThrownBy(
                        () ->
                                new Dqn(
                                        d.hidden(),
                                        1e-3,
                                        64,
                                        10,
                                        0,
                                        0.99,
                                        10,
                                        4,
                                        1,
                                        0.1,
                                        1,
                                        0.05,
                                        true))
                .hasMessageContaining("batchSize");
        assertThat(d.config()).containsEntry("doubleQ", true).hasSize(14);
    }
}
