package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REINFORCE with a baseline solves CartPole-v1 (≥ 475 over 100 judged episodes); steps reported.
 */
@Tag("slow")
class ReinforceCartPoleIT {
    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void solvesCartPole(long seed, @TempDir Path dir) {
        LearningSetup setup =
                LearningSetup.of(500_000, seed, dir)
                        .withEvaluation(10_000, 10)
                        .withTarget(500, true);
        LearningResult r = Reinforce.defaults().learn(CartPole::new, setup);
        EvaluationReport judged;
        try (Policy p = PolicyArtifact.load(r.policyDir())) {
            judged = PolicyEvaluation.run(CartPole::new, p, 100, 4242 + seed);
        }
        System.out.printf(
                "reinforce cartpole seed %d: best at %d steps (%s on 10), judged %s; %.1f s, %.0f"
                        + " steps/s%n",
                seed,
                r.bestAt(),
                r.best().summary(),
                judged.summary(),
                r.seconds(),
                r.stepsPerSecond());
        assertThat(judged.meanReward()).isGreaterThanOrEqualTo(475);
    }
}
