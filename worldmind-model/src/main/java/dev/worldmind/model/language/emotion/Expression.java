package dev.worldmind.model.language.emotion;

import java.util.Locale;

/** The face a character's avatar shows, chosen from its emotional state. */
public enum Expression {
    /** Strong joy. */
    HAPPY,
    /** Mild joy, or high trust. */
    CONTENT,
    /** No emotion stands out. */
    NEUTRAL,
    /** Sadness stands out. */
    SAD,
    /**
     * Concern for a visitor in distress or danger: chosen from the situation (see {@link
     * Appraisal#DISTRESS}), not from the levels.
     */
    CONCERNED,
    /** Mild anger. */
    ANNOYED,
    /** Strong anger. */
    ANGRY,
    /** Surprise stands out. */
    SURPRISED;

    /** Returns the lowercase name the avatar and the protocol use, e.g. {@code "happy"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
