package dev.worldmind.data.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;

/** What a space is for; JSON and the database use the lowercase name, e.g. {@code "plaza"}. */
public enum SpaceKind {
    /** Social: meet and talk. */
    PLAZA,
    /** Tourism: exhibits to look at. */
    MUSEUM,
    /** Education: a teacher and a class. */
    CLASSROOM,
    /** Shopping: items for sale. */
    SHOP,
    /** Healthcare: consultations. */
    CLINIC;

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
    public static SpaceKind fromValue(String value) {
        return Jdbc.constant(SpaceKind.class, value);
    }
}
