package dev.worldmind.model.language.emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.model.language.sentiment.Sentiment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmotionStateTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now =
                new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static final Sentiment KIND = Sentiment.ofProbability(0.95);
    private static final Sentiment NASTY = Sentiment.ofProbability(0.05);
    private static final Sentiment GLUM = Sentiment.ofProbability(0.2);
    private static final Sentiment FLAT = Sentiment.ofProbability(0.5);

    @Test
    void startsNeutralAtItsCalmTemperament() {
        EmotionState state = EmotionState.create(new ManualClock());
        assertThat(state.dominant()).isEqualTo(Expression.NEUTRAL);
        assertThat(state.levels()).isEqualTo(EmotionLevels.calm());
    }

    @Test
    void kindWordsMakeItContentThenHappy() {
        EmotionState state = EmotionState.create(new ManualClock());
        EmotionLevels once = state.feel(KIND, false);
        assertThat(once.joy()).isGreaterThan(EmotionLevels.calm().joy());
        assertThat(once.expression()).isEqualTo(Expression.CONTENT);
        state.feel(KIND, false);
        assertThat(state.dominant()).isEqualTo(Expression.HAPPY);
        assertThat(state.levels().anger()).isLessThan(EmotionLevels.calm().anger());
    }

    @Test
    void abuseMakesItAnnoyedThenAngryAndWearsTrustDown() {
        EmotionState state = EmotionState.create(new ManualClock());
        EmotionLevels once = state.feel(NASTY, true);
        assertThat(once.expression()).isEqualTo(Expression.ANNOYED);
        assertThat(once.trust()).isLessThan(EmotionLevels.calm().trust());
        state.feel(NASTY, true);
        assertThat(state.dominant()).isEqualTo(Expression.ANGRY);
        assertThat(state.levels().anger()).isGreaterThan(0.6).isLessThanOrEqualTo(1.0);
    }

    @Test
    void sadWordsWithoutHostilityMakeItSad() {
        EmotionState state = EmotionState.create(new ManualClock());
        state.feel(GLUM, false);
        state.feel(GLUM, false);
        state.feel(GLUM, false);
        assertThat(state.dominant()).isEqualTo(Expression.SAD);
        assertThat(state.levels().sadness()).isGreaterThan(state.levels().anger());
    }

    @Test
    void neutralMessagesLeaveTheMoodAlone() {
        EmotionState state = EmotionState.create(new ManualClock());
        for (int i = 0; i < 10; i++) {
            state.feel(FLAT, false);
        }
        assertThat(state.levels()).isEqualTo(EmotionLevels.calm());
    }

    @Test
    void anUnexpectedTurnSurprisesItBriefly() {
        ManualClock clock = new ManualClock();
        EmotionState state = EmotionState.create(clock);
        state.feel(KIND, false);
        state.feel(KIND, false);
        state.feel(KIND, false);
        EmotionLevels after = state.feel(NASTY, false);
        assertThat(after.surprise()).isGreaterThan(0.45);
        assertThat(after.expression()).isEqualTo(Expression.SURPRISED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(state.levels().surprise()).isLessThan(after.surprise() / 3);
        assertThat(state.dominant()).isNotEqualTo(Expression.SURPRISED);
    }

    @Test
    void decaysBackToItsBaselineOverTime() {
        ManualClock clock = new ManualClock();
        EmotionState state = EmotionState.create(clock);
        state.feel(NASTY, true);
        state.feel(NASTY, true);
        double anger = state.levels().anger();
        double base = EmotionLevels.calm().anger();
        clock.advance(EmotionState.MOOD_HALF_LIFE);
        assertThat(state.levels().anger()).isCloseTo(base + (anger - base) / 2, within());
        clock.advance(Duration.ofMinutes(30));
        assertThat(state.levels().anger())
                .isCloseTo(base, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(state.dominant()).isEqualTo(Expression.NEUTRAL);
    }

    @Test
    void staysWithinBoundsUnderAFlood() {
        EmotionState state = EmotionState.create(new ManualClock());
        List<EmotionLevels> seen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seen.add(state.feel(i % 3 == 0 ? KIND : NASTY, i % 2 == 0));
        }
        // EmotionLevels validates [0, 1] in its constructor; reaching here means every level did.
        assertThat(seen).hasSize(200);
    }

    @Test
    void isSafeToShareBetweenThreads() throws InterruptedException {
        EmotionState state = EmotionState.create(new ManualClock());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 2000; i++) {
                                    state.feel(KIND, false);
                                    state.levels();
                                }
                            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(state.levels().joy()).isGreaterThan(0.99);
    }

    @Test
    void rejectsLevelsOutOfRange() {
        assertThatThrownBy(() -> new EmotionLevels(1.2, 0, 0, 0, 0)).hasMessageContaining("joy");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
