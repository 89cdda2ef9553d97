package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartPoleTest {
    @Test
    void followsTheReferenceTrajectoryExactly() {
        check("cartpole-reference.csv", 0.01, -0.02, 0.03, 0.04);
    }

    @Test
    void terminatesWhenThePoleFallsAsTheReferenceDoes() {
        check("cartpole-fall.csv", 0.0, 0.0, 0.1, 0.0);
    }

    private static void check(String file, double x, double xDot, double theta, double thetaDot) {
        List<double[]> rows = Reference.rows(file);
        CartPole env = new CartPole();
        env.resetTo(x, xDot, theta, thetaDot);
        for (int t = 0; t < rows.size(); t++) {
            double[] r = rows.get(t);
            Step s = env.step((int) r[0]);
            for (int i = 0; i < 4; i++) {
                // observations are float32 in both: equal to the last bit
                assertThat(s.observation()[i])
                        .as("step %d component %d", t, i)
                        .isEqualTo((float) r[1 + i]);
            }
            assertThat(s.reward()).isEqualTo(r[5]);
            assertThat(s.terminated()).as("step %d", t).isEqualTo(r[6] == 1);
        }
        assertThat(rows.get(rows.size() - 1)[6]).isEqualTo(1.0);
    }

    @Test
    void truncatesAtFiveHundredStepsWhenBalanced() {
        CartPole env = new CartPole();
        env.reset(3);
        Step s = null;
        int steps = 0;
        // a simple controller that keeps the pole up: push towards the way it is falling
        float[] obs = env.reset(3);
        do {
            int action = obs[2] + 0.5 * obs[3] > 0 ? 1 : 0;
            s = env.step(action);
            obs = s.observation();
            steps++;
        } while (!s.done());
        assertThat(steps).isEqualTo(500);
        assertThat(s.truncated()).isTrue();
        assertThat(s.terminated()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameStartAndOthersDiffer() {
        CartPole env = new CartPole();
        float[] a = env.reset(42);
        float[] b = env.reset(42);
        float[] c = env.reset(43);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        for (float v : a) {
            assertThat(v).isBetween(-0.05f, 0.05f);
        }
    }

    @Test
    void rejectsInvalidActionsAndStepsOutsideAnEpisode() {
        CartPole env = new CartPole();
        assertThatThrownBy(() -> env.step(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset");
        env.reset(1);
        assertThatThrownBy(() -> env.step(2))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("action 2 is not one of the 2 actions 0..1");
        assertThatThrownBy(() -> env.step(-1)).isInstanceOf(InvalidDataException.class);
        assertThatThrownBy(() -> env.step(new float[] {1f}))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("discrete");
        env.resetTo(0, 0, 0.21, 0); // past 12 degrees (0.2094 rad) after one step
        assertThat(env.step(1).terminated()).isTrue();
        assertThatThrownBy(() -> env.step(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("over");
    }
}
