package dev.worldmind.model.language.emotion;

import java.util.Locale;

/**
 * What a visitor's message means for the character hearing it: the situation an emotion should fit,
 * rather than the message's raw sentiment. "My friend collapsed" is very negative but calls for
 * concern, not sadness at the visitor; "you are useless" is hostile; "why do planets orbit?" is
 * curiosity, however gloomy its words.
 */
public enum Appraisal {
    /** Insults, threats or abuse aimed at the character. */
    HOSTILE,
    /** The visitor is hurting, frightened or in danger (including emergencies and self-harm). */
    DISTRESS,
    /** Thanks, compliments, delight. */
    PRAISE,
    /** A question or a request: the ordinary case. */
    CURIOSITY,
    /** Anything else: small talk, statements. */
    NEUTRAL;

    /** Returns the lowercase name used on the wire and in logs. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
