package dev.worldmind.model.language.moderation;

/** Decides whether a text may pass. Implementations are thread-safe. */
public interface Moderator {
    /**
     * Checks one text.
     *
     * @param text the text
     * @param channel where it is going
     * @return the verdict
     */
    ModerationVerdict check(String text, Channel channel);
}
