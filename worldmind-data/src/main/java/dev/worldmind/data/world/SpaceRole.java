package dev.worldmind.data.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;

/** An account's role in one space; JSON and the database use the lowercase name. */
public enum SpaceRole {
    /** Manages the space and its members. */
    OWNER,
    /** May kick, mute and ban. */
    MODERATOR,
    /** May enter a members-only or private space. */
    MEMBER;

    /** Returns the lowercase name used in JSON and the database. */
    @JsonValue
    public String value() {
        return Jdbc.name(this);
    }

    /**
     * Finds a constant by its lowercase name.
     *
     * @param value the name
     * @return the constant
     * @throws InvalidDataException for an unknown name
     */
    @JsonCreator
    public static SpaceRole fromValue(String value) {
        return Jdbc.constant(SpaceRole.class, value);
    }
}
