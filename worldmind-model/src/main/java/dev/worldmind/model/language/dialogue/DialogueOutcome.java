package dev.worldmind.model.language.dialogue;

import java.util.Objects;

/**
 * How one reply came about.
 *
 * @param text the final reply: exactly what the sink received since its last restart
 * @param provider who answered: the LLM provider's name, or {@value FallbackChat#EMBEDDED}
 * @param fallback why the embedded answer was used, or {@link Fallback#NONE} when the LLM answered
 * @param detail a short human-readable account of the failure, empty when none
 * @param restarted whether streamed text had to be retracted (the sink heard {@code restart()})
 */
public record DialogueOutcome(
        String text, String provider, Fallback fallback, String detail, boolean restarted) {
    public DialogueOutcome {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(fallback, "fallback");
        detail = detail == null ? "" : detail;
    }

    /** Returns whether the embedded answer replaced the LLM's. */
    public boolean fellBack() {
        return fallback != Fallback.NONE;
    }

    /** Why the embedded answer was used. */
    public enum Fallback {
        /** It was not: the LLM answered. */
        NONE,
        /** No LLM is configured. */
        NO_PROVIDER,
        /** The LLM sent no token within the first-token timeout. */
        FIRST_TOKEN_TIMEOUT,
        /** The LLM did not finish within the total timeout. */
        TOTAL_TIMEOUT,
        /** The LLM server failed: unreachable, an HTTP error, a broken stream. */
        ERROR,
        /** The LLM answered with nothing (or only whitespace). */
        EMPTY,
        /** The LLM's reply was withheld by the reply check (moderation). */
        WITHHELD
    }
}
