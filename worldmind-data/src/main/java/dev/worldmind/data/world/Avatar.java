package dev.worldmind.data.world;

import dev.worldmind.core.InvalidDataException;
import java.util.Objects;

/**
 * An account's avatar: the name and look others see.
 *
 * @param accountId whose avatar it is
 * @param name the display name, 1-24 characters after trimming, no control characters
 * @param appearance how it looks
 */
public record Avatar(long accountId, String name, Appearance appearance) {
    /** The longest display name, in characters (code points). */
    public static final int MAX_NAME = 24;

    public Avatar {
        name = name == null ? "" : name.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME) {
            throw new InvalidDataException(
                    "an avatar name is 1 to " + MAX_NAME + " characters: '" + name + "'");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidDataException("an avatar name cannot hold control characters");
        }
        Objects.requireNonNull(appearance, "appearance");
    }

    /**
     * Returns the same avatar for another account (a client sends it without the id).
     *
     * @param id the account id
     */
    public Avatar withAccountId(long id) {
        return new Avatar(id, name, appearance);
    }
}
