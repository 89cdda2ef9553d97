package dev.worldmind.data.world;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.worldmind.core.InvalidDataException;
import java.util.Objects;

/**
 * A place in the world that avatars enter: a plaza, a museum, a classroom, a shop or a clinic.
 *
 * @param id the URL-safe id, 2-40 of {@code [a-z0-9-]}, e.g. {@code "plaza"}
 * @param name what people see, e.g. {@code "Central Plaza"}
 * @param kind what it is for
 * @param capacity how many avatars one instance holds (more open overflow instances), 1-1000
 * @param visibility who may see and enter it
 * @param layout its floor plan
 */
@JsonPropertyOrder({"id", "name", "kind", "visibility", "capacity", "layout"})
public record Space(
        String id,
        String name,
        SpaceKind kind,
        int capacity,
        Visibility visibility,
        Layout layout) {
    /** The most avatars one instance of a space may hold. */
    public static final int MAX_CAPACITY = 1000;

    public Space {
        if (id == null || !id.matches("[a-z0-9-]{2,40}")) {
            throw new InvalidDataException(
                    "space ids are 2-40 of lowercase letters, digits and '-': " + id);
        }
        Checks.text(name, "a space name", 80);
        Objects.requireNonNull(kind, "kind");
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidDataException(
                    "a space's capacity is 1 to " + MAX_CAPACITY + ", not " + capacity);
        }
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(layout, "layout");
    }
}
