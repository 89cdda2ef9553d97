package dev.worldmind.data.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;

/** Who may see and enter a space; JSON and the database use the lowercase name. */
public enum Visibility {
    /** Anyone may enter. */
    PUBLIC,
    /** Listed for everyone; only members may enter. */
    MEMBERS,
    /** Only members see it and may enter. */
    PRIVATE;

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
    public static Visibility fromValue(String value) {
        return Jdbc.constant(Visibility.class, value);
    }
}
