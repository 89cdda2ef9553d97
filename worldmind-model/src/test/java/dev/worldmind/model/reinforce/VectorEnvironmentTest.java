package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorEnvironmentTest {
    @Test
    void resetsEndedCopiesAndKeepsTheirLastObservation() {
        VectorEnvironment vec = new VectorEnvironment(CartPole::new, 3, 7);
        vec.reset();
        int episodes = 0;
        for (int t = 0; t < 200; t++) {
            VectorStep s = vec.step(new int[] {1, 1, 0}); // pushing one way topples the pole
            for (int i = 0; i < 3; i++) {
                if (s.done(i)) {
                    assertThat(s.finalObservations()[i]).isNotNull();
                    assertThat(s.observations()[i]).isNotEqualTo(s.finalObservations()[i]);
                    assertThat(Math.abs(s.observations()[i][2])).isLessThan(0.05f); // a fresh start
                } else {
                    assertThat(s.finalObservations()[i]).isNull();
                }
            }
            episodes += s.finished().size();
            s.finished().forEach(e -> assertThat(e.length()).isEqualTo((int) e.reward()));
        }
        assertThat(episodes).isGreaterThan(3);
        assertThat(vec.steps()).isEqualTo(600);
    }

    @Test
    void truncationIsNotTermination() {
        VectorEnvironment vec = new VectorEnvironment(Pendulum::new, 2, 1);
        vec.reset();
        VectorStep s = null;
        for (int t = 0; t < 200; t++) {
            s = vec.step(new float[][] {{0f}, {1f}});
        }
        assertThat(s.truncated()).containsExactly(true, true);
        assertThat(s.terminated()).containsExactly(false, false);
        assertThat(s.finished()).hasSize(2);
    }

    @Test
    void refusesMismatchedActionsAndStepsBeforeReset() {
        VectorEnvironment vec = new VectorEnvironment(CartPole::new, 2, 1);
        assertThatThrownBy(() -> vec.step(new int[] {0, 1}))
                .isInstanceOf(IllegalStateException.class);
        vec.reset();
        assertThatThrownBy(() -> vec.step(new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one action per copy");
    }
}
