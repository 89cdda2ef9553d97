package dev.worldmind.data.conversation;

import dev.worldmind.data.db.internal.Jdbc;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing said in a conversation between a person and a character.
 *
 * @param id the database id, or 0 for a turn not yet stored
 * @param accountId the person's account
 * @param characterId the character's id, e.g. {@code "museum-guide"}
 * @param speaker who said it
 * @param text what was said, 1 to {@value #MAX_TEXT} characters
 * @param at when it was said (microsecond precision, the precision both databases store)
 */
public record ConversationTurn(
        long id, long accountId, String characterId, Speaker speaker, String text, Instant at) {
    /** The longest text a turn holds. */
    public static final int MAX_TEXT = 4000;

    /** The longest character id. */
    public static final int MAX_CHARACTER_ID = 40;

    public ConversationTurn {
        if (id < 0) {
            throw new IllegalArgumentException("turn ids are positive, or 0 when unsaved: " + id);
        }
        if (accountId <= 0) {
            throw new IllegalArgumentException("account ids are positive, not " + accountId);
        }
        if (characterId == null
                || characterId.isBlank()
                || characterId.length() > MAX_CHARACTER_ID) {
            throw new IllegalArgumentException(
                    "character ids are 1 to " + MAX_CHARACTER_ID + " characters: " + characterId);
        }
        Objects.requireNonNull(speaker, "speaker");
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "a turn's text is 1 to "
                            + MAX_TEXT
                            + " characters, not "
                            + (text == null ? "null" : text.length()));
        }
        at = Jdbc.micros(Objects.requireNonNull(at, "at"));
    }

    /**
     * Returns a turn that is not stored yet.
     *
     * @param accountId the person's account
     * @param characterId the character
     * @param speaker who said it
     * @param text what was said
     * @param at when
     */
    public static ConversationTurn of(
            long accountId, String characterId, Speaker speaker, String text, Instant at) {
        return new ConversationTurn(0, accountId, characterId, speaker, text, at);
    }
}
