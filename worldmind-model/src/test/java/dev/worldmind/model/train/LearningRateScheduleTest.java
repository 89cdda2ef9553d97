package dev.worldmind.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void cosineFallsFromBaseToOnePercent() {
        LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.COSINE, 1e-3f, 100);
        assertThat(s.at(0)).isEqualTo(1e-3f);
        assertThat(s.at(50)).isCloseTo(0.505e-3f, within(1e-7f));
        assertThat(s.at(100)).isCloseTo(1e-5f, within(1e-9f));
        assertThat(s.at(500)).isCloseTo(1e-5f, within(1e-9f));
    }

    @Test
    void stepDividesByTenAtHalfAndThreeQuarters() {
        LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.STEP, 0.1f, 100);
        assertThat(s.at(49)).isEqualTo(0.1f);
        assertThat(s.at(50)).isCloseTo(0.01f, within(1e-9f));
        assertThat(s.at(80)).isCloseTo(0.001f, within(1e-9f));
    }

    @Test
    void constantStaysPut() {
        assertThat(new LearningRateSchedule(ScheduleKind.CONSTANT, 0.5f, 10).at(9)).isEqualTo(0.5f);
    }
}
