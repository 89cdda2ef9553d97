package dev.worldmind.model.language.moderation;

/** Where a text is on its way, which decides the checks it gets. */
public enum Channel {
    /** A user's message to the others in a space. */
    WORLD_CHAT,
    /** A user's message on its way to an LLM (checked for prompt injection as well). */
    TO_LLM,
    /** An LLM's reply on its way to a user. */
    FROM_LLM
}
