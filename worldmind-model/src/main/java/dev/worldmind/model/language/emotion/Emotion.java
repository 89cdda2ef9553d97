package dev.worldmind.model.language.emotion;

import java.util.Locale;

/**
 * The basic emotions a character feels, five of Plutchik's eight. Joy/sadness and trust/anger are
 * the two opposite pairs that the sentiment of a message moves directly; surprise is how much a
 * message departs from the character's current mood. Fear, disgust and anticipation are left out:
 * nothing in a chat message's sentiment tells them apart from sadness and anger.
 */
public enum Emotion {
    /** Pleased by friendly, positive messages. */
    JOY,
    /** Confidence in the people talking to it; worn down by hostility. */
    TRUST,
    /** Lowered spirits after negative messages. */
    SADNESS,
    /** Raised by hostile or abusive messages. */
    ANGER,
    /** A message far from the current mood; fades quickly. */
    SURPRISE;

    /** Returns the lowercase name used in JSON, e.g. {@code "joy"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
