package dev.worldmind.model.language.emotion;

import dev.worldmind.model.language.sentiment.Sentiment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One character's emotional state: moved by the sentiment of each message said to it, and decaying
 * exponentially back to its temperament (the baseline) as time passes. A character has one state,
 * shared by everyone in its space, because it is shown on its avatar. Thread-safe: every method
 * holds the state's lock for a few arithmetic operations.
 *
 * <p>A positive message raises joy and trust and soothes sadness and anger; a negative one raises
 * sadness and some anger and dampens joy; a hostile one (abuse, or the caller's judgement of very
 * negative text) raises anger strongly and wears trust down. Each push moves a level part of the
 * way to its bound, so levels stay in [0, 1] and repeated messages have diminishing effect.
 * Surprise is how far a message's polarity lies from the current mood (joy minus sadness); it fades
 * faster than the rest.
 */
public final class EmotionState {
    /** How long the moods (joy, trust, sadness, anger) take to fall halfway back to baseline. */
    public static final Duration MOOD_HALF_LIFE = Duration.ofMinutes(2);

    /** How long surprise takes to fall halfway back to baseline. */
    public static final Duration SURPRISE_HALF_LIFE = Duration.ofSeconds(15);

    /** Messages weaker than this polarity are not surprising, however far from the mood. */
    private static final double SURPRISING_POLARITY = 0.3;

    private final EmotionLevels baseline;
    private final Clock clock;
    private final double moodHalfLifeSeconds;
    private final double surpriseHalfLifeSeconds;

    private double joy;
    private double trust;
    private double sadness;
    private double anger;
    private double surprise;
    private Instant at;

    private EmotionState(
            EmotionLevels baseline, Clock clock, Duration moodHalfLife, Duration surpriseHalfLife) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.moodHalfLifeSeconds = seconds(moodHalfLife, "mood half-life");
        this.surpriseHalfLifeSeconds = seconds(surpriseHalfLife, "surprise half-life");
        set(baseline);
        this.at = clock.instant();
    }

    /**
     * Creates a state at a calm temperament with the default half-lives.
     *
     * @param clock the clock that decay is measured on
     * @return the state, at its baseline
     */
    public static EmotionState create(Clock clock) {
        return create(EmotionLevels.calm(), clock);
    }

    /**
     * Creates a state with the default half-lives.
     *
     * @param baseline the temperament it starts at and decays back to
     * @param clock the clock that decay is measured on
     * @return the state, at its baseline
     */
    public static EmotionState create(EmotionLevels baseline, Clock clock) {
        return create(baseline, clock, MOOD_HALF_LIFE, SURPRISE_HALF_LIFE);
    }

    /**
     * Creates a state.
     *
     * @param baseline the temperament it starts at and decays back to
     * @param clock the clock that decay is measured on
     * @param moodHalfLife how long joy, trust, sadness and anger take to fall halfway back
     * @param surpriseHalfLife how long surprise takes to fall halfway back
     * @return the state, at its baseline
     */
    public static EmotionState create(
            EmotionLevels baseline, Clock clock, Duration moodHalfLife, Duration surpriseHalfLife) {
        return new EmotionState(baseline, clock, moodHalfLife, surpriseHalfLife);
    }

    /**
     * Feels one message.
     *
     * @param sentiment the message's sentiment
     * @param hostile whether it was abusive or otherwise hostile toward the character
     * @return the levels right after
     */
    public synchronized EmotionLevels feel(Sentiment sentiment, boolean hostile) {
        decay();
        double p = Math.max(-1, Math.min(1, sentiment.polarity()));
        double gap = Math.abs(p - (joy - sadness)) / 2;
        if (Math.abs(p) >= SURPRISING_POLARITY || hostile) {
            surprise = toward(surprise, 1, 0.8 * gap);
        }
        if (p > 0) {
            joy = toward(joy, 1, 0.4 * p);
            trust = toward(trust, 1, 0.2 * p);
            sadness = toward(sadness, 0, 0.4 * p);
            anger = toward(anger, 0, 0.5 * p);
        } else if (p < 0) {
            double q = -p;
            sadness = toward(sadness, 1, 0.35 * q);
            anger = toward(anger, 1, 0.15 * q);
            joy = toward(joy, 0, 0.4 * q);
            trust = toward(trust, 0, 0.1 * q);
        }
        if (hostile) {
            anger = toward(anger, 1, 0.5);
            sadness = toward(sadness, 1, 0.15);
            trust = toward(trust, 0, 0.3);
            joy = toward(joy, 0, 0.5);
        }
        return snapshot();
    }

    /**
     * Feels one message by what it means for the character ({@link Appraisal}) rather than by its
     * sentiment alone. Hostility annoys a character a little (a caring one is hurt instead, never
     * angry); distress makes any character sad with the visitor and drops anger and joy at once;
     * praise raises joy and trust; an ordinary question or remark calms leftover anger and sadness,
     * so one rude message does not colour the next ten answers.
     *
     * @param appraisal what the message means
     * @param caring whether the character's role is a caring one (nurse, tutor)
     * @return the levels right after
     */
    public synchronized EmotionLevels appraise(Appraisal appraisal, boolean caring) {
        decay();
        switch (appraisal) {
            case HOSTILE -> {
                if (caring) {
                    sadness = toward(sadness, 1, 0.25);
                    anger = toward(anger, 0, 0.5);
                } else {
                    anger = toward(anger, 1, 0.3);
                }
                joy = toward(joy, 0, 0.3);
                trust = toward(trust, 0, 0.15);
            }
            case DISTRESS -> {
                sadness = toward(sadness, 1, 0.5);
                anger = 0;
                joy = toward(joy, 0, 0.7);
                trust = toward(trust, 1, 0.2);
                surprise = toward(surprise, 0, 0.5);
            }
            case PRAISE -> {
                joy = toward(joy, 1, 0.4);
                trust = toward(trust, 1, 0.25);
                anger = toward(anger, 0, 0.6);
                sadness = toward(sadness, 0, 0.4);
            }
            case CURIOSITY, NEUTRAL -> {
                anger = toward(anger, baseline.anger(), 0.5);
                sadness = toward(sadness, baseline.sadness(), 0.4);
                joy = toward(joy, Math.max(baseline.joy(), 0.35), 0.2);
                trust = toward(trust, baseline.trust(), 0.2);
            }
        }
        return snapshot();
    }

    /** Returns the levels now, after decay since the last change. */
    public synchronized EmotionLevels levels() {
        decay();
        return snapshot();
    }

    /**
     * Returns the expression the avatar shows now; {@code levels().expression()} gives the same
     * together with the levels it came from.
     */
    public Expression dominant() {
        return levels().expression();
    }

    /** Returns the temperament this state decays back to. */
    public EmotionLevels baseline() {
        return baseline;
    }

    /** Returns the state to its baseline at once, e.g. when a space restarts. */
    public synchronized void reset() {
        set(baseline);
        at = clock.instant();
    }

    private void decay() {
        Instant now = clock.instant();
        double dt = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
        if (dt > 0) {
            double mood = Math.pow(0.5, dt / moodHalfLifeSeconds);
            double fast = Math.pow(0.5, dt / surpriseHalfLifeSeconds);
            joy = baseline.joy() + (joy - baseline.joy()) * mood;
            trust = baseline.trust() + (trust - baseline.trust()) * mood;
            sadness = baseline.sadness() + (sadness - baseline.sadness()) * mood;
            anger = baseline.anger() + (anger - baseline.anger()) * mood;
            surprise = baseline.surprise() + (surprise - baseline.surprise()) * fast;
        }
        if (now.isAfter(at)) {
            at = now;
        }
    }

    private EmotionLevels snapshot() {
        return new EmotionLevels(
                clamp(joy), clamp(trust), clamp(sadness), clamp(anger), clamp(surprise));
    }

    private void set(EmotionLevels levels) {
        joy = levels.joy();
        trust = levels.trust();
        sadness = levels.sadness();
        anger = levels.anger();
        surprise = levels.surprise();
    }

    /** Moves a level the given fraction of the way to a bound. */
    private static double toward(double level, double bound, double fraction) {
        return level + (bound - level) * Math.max(0, Math.min(1, fraction));
    }

    private static double clamp(double level) {
        return Math.max(0, Math.min(1, level));
    }

    private static double seconds(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d.toNanos() / 1e9;
    }
}
