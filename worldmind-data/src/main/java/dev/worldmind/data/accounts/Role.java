package dev.worldmind.data.accounts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;

/** An account's global role; JSON and the database use the lowercase name, e.g. {@code "admin"}. */
public enum Role {
    /** The default at registration: may visit the spaces it is allowed in. */
    VISITOR,
    /** May also create spaces. */
    CREATOR,
    /** May do everything, including the admin API. */
    ADMIN;

    /** Returns the lowercase name used in JSON and the database. */
    @JsonValue
    public String value() {
        return Jdbc.name(this);
    }

    /**
     * Finds a role by its lowercase name.
     *
     * @param value the name, e.g. {@code "creator"}
     * @return the role
     * @throws InvalidDataException for an unknown name
     */
    @JsonCreator
    public static Role fromValue(String value) {
        return Jdbc.constant(Role.class, value);
    }
}
