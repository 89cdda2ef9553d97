package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REINFORCE with a baseline solves CartPole-v1 (≥ 475 over 100 judged episodes); steps reported.
 */
@Tag("slow")
class ReinforceCartPoleIT {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void solvesCartPole(long seed, @TempDir Path dir) {
        LearningSetup setup =
                LearningSetup.of(500_000, seed, dir)
                        .withEvaluation(10_000, 10)
                        .withTarget(500, true);
        EvaluationReport judged = OnPolicyFigures.judgedOnCartPole(Reinforce.defaults(), setup);
        assertThat(judged.meanReward()).isGreaterThanOrEqualTo(475);
    }
}
