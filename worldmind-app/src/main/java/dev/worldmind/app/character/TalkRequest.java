package dev.worldmind.app.character;

import java.util.Objects;

/**
 * Someone says something to a character.
 *
 * @param characterId the character's id, e.g. {@code iris}
 * @param accountId the speaker's account, whose conversation memory is used and extended
 * @param userName the name the character calls them by (a display name; it is sanitised before it
 *     reaches a prompt)
 * @param text what they said; {@link CharacterHost#talk} rejects blank text and text over {@link
 *     CharacterHost#MAX_TEXT} characters
 */
public record TalkRequest(String characterId, long accountId, String userName, String text) {
    public TalkRequest {
        Objects.requireNonNull(characterId, "characterId");
        if (accountId <= 0) {
            throw new IllegalArgumentException("account ids are positive, not " + accountId);
        }
        userName = userName == null ? "" : userName;
        text = text == null ? "" : text;
    }
}
