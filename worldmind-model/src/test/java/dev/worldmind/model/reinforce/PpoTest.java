package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoTest {
    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void shortRunOnCartPoleBeatsTheUntrainedPolicy(@TempDir Path dir) {
        LearningSetup setup = LearningSetup.of(20_000, 1, dir).withEvaluation(10_000, 10);
        LearningResult r = Ppo.defaults().learn(CartPole::new, setup);
        System.out.printf(
                "ppo cartpole 20k: best %s at %d, %.1f s, %.0f steps/s%n",
                r.best().summary(), r.bestAt(), r.seconds(), r.stepsPerSecond());
        // An untrained policy keeps the pole up for about 9 steps.
        assertThat(r.best().meanReward()).isGreaterThan(100);
    }
}
