package dev.worldmind.model.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    @Test
    void wrapsAroundOverwritingTheOldest() {
        ReplayBuffer buffer = new ReplayBuffer(3, 1, 1, 1);
        for (int i = 0; i < 5; i++) {
            buffer.add(new float[] {i}, new float[] {0}, i, new float[] {i + 1}, false);
        }
        assertThat(buffer.size()).isEqualTo(3);
        ReplayBuffer.Batch b = buffer.sample(200);
        assertThat(b.rewards()).containsOnly(2f, 3f, 4f).contains(2f, 3f, 4f);
        for (int k = 0; k < b.size(); k++) {
            assertThat(b.observations()[k][0]).isEqualTo(b.rewards()[k]);
            assertThat(b.nextObservations()[k][0]).isEqualTo(b.rewards()[k] + 1);
        }
    }

    @Test
    void sameSeedSamplesTheSameTransitions() {
        ReplayBuffer a = filled(7);
        ReplayBuffer b = filled(7);
        ReplayBuffer c = filled(8);
        float[] first = a.sample(32).rewards();
        assertThat(b.sample(32).rewards()).containsExactly(first);
        assertThat(c.sample(32).rewards()).isNotEqualTo(first);
    }

    @Test
    void truncationBootstrapsFromTheLastObservationAndTerminationDoesNot() {
        ReplayBuffer buffer = new ReplayBuffer(10, 2, 1, 3);
        float[][] before = {{1, 1}, {2, 2}, {3, 3}};
        float[][] actions = {{0}, {1}, {0}};
        VectorStep step =
                new VectorStep(
                        new float[][] {{10, 10}, {20, 20}, {30, 30}},
                        new double[] {1, 2, 3},
                        new boolean[] {false, true, false},
                        new boolean[] {false, false, true},
                        new float[][] {null, {-2, -2}, {-3, -3}},
                        List.of());
        buffer.add(before, actions, step);
        ReplayBuffer.Batch b = buffer.sample(300);
        boolean[] seen = new boolean[3];
        for (int k = 0; k < b.size(); k++) {
            int copy = (int) b.observations()[k][0] - 1;
            seen[copy] = true;
            assertThat(b.actions()[k][0]).isEqualTo(actions[copy][0]);
            switch (copy) {
                case 0 -> { // still running: the next observation, not terminal
                    assertThat(b.nextObservations()[k]).containsExactly(10, 10);
                    assertThat(b.terminated()[k]).isFalse();
                }
                case 1 -> { // terminated: the final observation, terminal
                    assertThat(b.nextObservations()[k]).containsExactly(-2, -2);
                    assertThat(b.terminated()[k]).isTrue();
                }
                default -> { // truncated: the final observation, NOT terminal
                    assertThat(b.nextObservations()[k]).containsExactly(-3, -3);
                    assertThat(b.terminated()[k]).isFalse();
                }
            }
        }
        assertThat(seen).containsOnly(true);
    }

    @Test
    void rejectsWrongShapesAndEmptySampling() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2, 1, 1);
        assertThatThrownBy(() -> buffer.sample(1)).hasMessageContaining("empty");
        assertThatThrownBy(
                        () ->
                                buffer.add(
                                        new float[] {1},
                                        new float[] {0},
                                        0,
                                        new float[] {1, 2},
                                        false))
                .hasMessageContaining("observations of 2");
        assertThatThrownBy(() -> new ReplayBuffer(0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ReplayBuffer filled(long seed) {
        ReplayBuffer buffer = new ReplayBuffer(100, 1, 1, seed);
        for (int i = 0; i < 100; i++) {
            buffer.add(new float[] {i}, new float[] {0}, i, new float[] {i}, false);
        }
        return buffer;
    }
}
