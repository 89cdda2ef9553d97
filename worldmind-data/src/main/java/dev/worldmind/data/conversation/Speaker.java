package dev.worldmind.data.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;

/** Who said a turn; JSON and the database use the lowercase name, e.g. {@code "user"}. */
public enum Speaker {
    /** The person talking to the character. */
    USER,
    /** The AI character. */
    CHARACTER;

    /** Returns the lowercase name used in JSON and the database. */
    @JsonValue
    public String value() {
        return Jdbc.name(this);
    }

    /**
     * Finds a speaker by its lowercase name.
     *
     * @param value the name, e.g. {@code "character"}
     * @return the speaker
     * @throws InvalidDataException for an unknown name
     */
    @JsonCreator
    public static Speaker fromValue(String value) {
        return Jdbc.constant(Speaker.class, value);
    }
}
