package dev.worldmind.model.language.emotion;

import java.util.EnumMap;
import java.util.Map;

/**
 * How strongly a character feels each basic emotion, each in [0, 1].
 *
 * @param joy joy
 * @param trust trust
 * @param sadness sadness
 * @param anger anger
 * @param surprise surprise
 */
public record EmotionLevels(
        double joy, double trust, double sadness, double anger, double surprise) {
    public EmotionLevels {
        check("joy", joy);
        check("trust", trust);
        check("sadness", sadness);
        check("anger", anger);
        check("surprise", surprise);
    }

    /** A calm, friendly temperament: some trust, a little joy, hardly any sadness or anger. */
    public static EmotionLevels calm() {
        return new EmotionLevels(0.25, 0.5, 0.05, 0.02, 0.02);
    }

    /**
     * Returns the level of one emotion.
     *
     * @param emotion the emotion
     */
    public double get(Emotion emotion) {
        return switch (emotion) {
            case JOY -> joy;
            case TRUST -> trust;
            case SADNESS -> sadness;
            case ANGER -> anger;
            case SURPRISE -> surprise;
        };
    }

    /** Returns the levels by emotion, in declaration order. */
    public Map<Emotion, Double> asMap() {
        Map<Emotion, Double> map = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            map.put(e, get(e));
        }
        return map;
    }

    /**
     * Returns the expression these levels show. The strongest emotion above its own threshold wins;
     * trust is high by temperament, so it needs more to show. Below every threshold the face is
     * neutral.
     */
    public Expression expression() {
        Emotion strongest = null;
        double margin = 0;
        for (Emotion e : Emotion.values()) {
            double above = get(e) - threshold(e);
            if (above > margin) {
                margin = above;
                strongest = e;
            }
        }
        if (strongest == null) {
            return Expression.NEUTRAL;
        }
        return switch (strongest) {
            case JOY -> joy >= 0.6 ? Expression.HAPPY : Expression.CONTENT;
            case TRUST -> Expression.CONTENT;
            case SADNESS -> Expression.SAD;
            case ANGER -> anger >= 0.6 ? Expression.ANGRY : Expression.ANNOYED;
            case SURPRISE -> Expression.SURPRISED;
        };
    }

    private static double threshold(Emotion e) {
        return switch (e) {
            case JOY -> 0.35;
            case TRUST -> 0.7;
            case SADNESS -> 0.3;
            case ANGER -> 0.25;
            case SURPRISE -> 0.45;
        };
    }

    private static void check(String name, double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException(name + " lies in [0, 1]: " + level);
        }
    }
}
