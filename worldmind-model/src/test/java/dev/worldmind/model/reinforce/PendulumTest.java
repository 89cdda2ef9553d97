package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendulumTest {
    @Test
    void followsTheReferenceTrajectoryClippingTheTorque() {
        List<double[]> rows = Reference.rows("pendulum-reference.csv");
        Pendulum env = new Pendulum();
        env.resetTo(2.0, -0.5);
        for (int t = 0; t < rows.size(); t++) {
            double[] r = rows.get(t);
            Step s = env.step(new float[] {(float) r[0]});
            for (int i = 0; i < 3; i++) {
                assertThat(s.observation()[i])
                        .as("step %d component %d", t, i)
                        .isEqualTo((float) r[1 + i]);
            }
            assertThat(s.reward()).as("step %d", t).isCloseTo(r[4], within(1e-12));
            assertThat(s.terminated()).isFalse();
        }
    }

    @Test
    void neverTerminatesAndIsTruncatedAfterTwoHundredStepsWithRewardsInRange() {
        Pendulum env = new Pendulum();
        env.reset(5);
        int steps = 0;
        Step s;
        do {
            s = env.step(new float[] {steps % 2 == 0 ? 2f : -2f});
            assertThat(s.reward()).isBetween(-16.2736044, 0.0);
            steps++;
        } while (!s.done());
        assertThat(steps).isEqualTo(200);
        assertThat(s.truncated()).isTrue();
        assertThat(s.terminated()).isFalse();
    }

    @Test
    void normalisesAnglesLikeGymnasium() {
        assertThat(Pendulum.normalise(0)).isEqualTo(0);
        assertThat(Pendulum.normalise(Math.PI)).isCloseTo(-Math.PI, within(1e-12));
        assertThat(Pendulum.normalise(3 * Math.PI / 2)).isCloseTo(-Math.PI / 2, within(1e-12));
        assertThat(Pendulum.normalise(-3 * Math.PI / 2)).isCloseTo(Math.PI / 2, within(1e-12));
    }

    @Test
    void rejectsInvalidActions() {
        Pendulum env = new Pendulum();
        env.reset(1);
        assertThatThrownBy(() -> env.step(new float[] {Float.NaN}))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> env.step(new float[] {1f, 2f}))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("1 component(s), not 2");
        assertThatThrownBy(() -> env.step(1))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("torque");
        float[] first = env.reset(9);
        assertThat(env.reset(9)).containsExactly(first);
        assertThat(first[0] * first[0] + first[1] * first[1]).isCloseTo(1f, within(1e-6f));
    }
}
