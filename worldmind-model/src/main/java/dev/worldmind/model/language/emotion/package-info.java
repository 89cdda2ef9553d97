/**
 * A character's emotional state over a few of Plutchik's basic emotions, moved by the sentiment of
 * what people say to it and decaying back to its temperament over time; it picks the expression an
 * avatar shows. Depends on the sentiment package only; {@link
 * dev.worldmind.model.language.emotion.EmotionState} is thread-safe, the records are immutable.
 */
package dev.worldmind.model.language.emotion;
