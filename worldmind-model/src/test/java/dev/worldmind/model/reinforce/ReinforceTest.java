package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReinforceTest {
    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void shortRunImprovesTheRewardAndSavesItsCurve(@TempDir Path dir) throws Exception {
        LearningSetup setup = LearningSetup.of(30_000, 3, dir).withEvaluation(3_000, 10);
        LearningResult r = Reinforce.defaults().learn(CartPole::new, setup);
        java.util.List<String> evals =
                Files.readAllLines(r.curveCsv()).stream()
                        .filter(l -> l.startsWith("evaluation,"))
                        .toList();
        double first = Double.parseDouble(evals.get(0).split(",")[2]);
        // An untrained policy keeps the pole up for about 9 steps.
        assertThat(r.best().meanReward()).isGreaterThan(Math.max(60, 2 * first));
        assertThat(r.curvePng()).isRegularFile();
        assertThat(Files.list(dir.resolve("checkpoints")).count()).isEqualTo(evals.size());
        try (Policy p = PolicyArtifact.load(r.policyDir())) {
            EvaluationReport again =
                    PolicyEvaluation.run(
                            CartPole::new,
                            p,
                            10,
                            setup.seed() + LearningSession.EVALUATION_SEED_OFFSET);
            assertThat(again.meanReward()).isEqualTo(r.best().meanReward());
        }
    }

    @Test
    void sameSeedSameRun(@TempDir Path a, @TempDir Path b) {
        LearningResult x = Reinforce.defaults().learn(CartPole::new, LearningSetup.of(3_000, 5, a));
        LearningResult y = Reinforce.defaults().learn(CartPole::new, LearningSetup.of(3_000, 5, b));
        assertThat(x.best().rewards()).isEqualTo(y.best().rewards());
        assertThat(x.steps()).isEqualTo(y.steps());
    }

    @Test
    void refusesContinuousActions(@TempDir Path dir) {
        assertThatThrownBy(
                        () ->
                                Reinforce.defaults()
                                        .learn(Pendulum::new, LearningSetup.of(100, 1, dir)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("reinforce")
                .hasMessageContaining("discrete");
        assertThatThrownBy(() -> Ppo.defaults().learn(Pendulum::new, LearningSetup.of(100, 1, dir)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("ppo");
    }
}
