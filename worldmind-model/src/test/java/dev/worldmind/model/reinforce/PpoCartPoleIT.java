package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7's acceptance for PPO: CartPole-v1 mean reward ≥ 475 over 100 deterministic evaluation
 * episodes within 100k environment steps, for several seeds. The best checkpoint (chosen on 10
 * evaluation episodes) is then judged on 100 fresh episodes.
 */
@Tag("slow")
class PpoCartPoleIT {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void solvesCartPoleWithin100kSteps(long seed, @TempDir Path dir) {
        LearningSetup setup = LearningSetup.of(100_000, seed, dir).withEvaluation(5_000, 10);
        EvaluationReport judged = OnPolicyFigures.judgedOnCartPole(Ppo.defaults(), setup);
        assertThat(judged.meanReward()).isGreaterThanOrEqualTo(475);
    }
}
