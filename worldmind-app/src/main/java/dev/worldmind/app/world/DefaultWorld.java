package dev.worldmind.app.world;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.data.world.WorldStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The world a new installation starts with: one space of each scenario kind (plaza, museum,
 * classroom, shop, clinic), with their layouts, portals and items, from {@code default-world.json}.
 */
public final class DefaultWorld {
    private static final String RESOURCE = "default-world.json";

    private DefaultWorld() {}

    /** The default spaces, one per kind. */
    public static List<Space> spaces() {
        try (InputStream in = DefaultWorld.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidDataException(
                        "the default world " + RESOURCE + " is missing from the build");
            }
            List<Space> spaces = Json.mapper().readValue(in, new TypeReference<List<Space>>() {});
            Set<SpaceKind> kinds = EnumSet.noneOf(SpaceKind.class);
            spaces.forEach(s -> kinds.add(s.kind()));
            if (!kinds.equals(EnumSet.allOf(SpaceKind.class))) {
                throw new InvalidDataException(
                        "the default world must have every space kind, has " + kinds);
            }
            return spaces;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read the default world: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the default spaces that the store does not have yet; spaces already there (perhaps
     * edited by their owners) are left alone.
     *
     * @param world the store
     * @return how many spaces were added
     */
    public static int seed(WorldStore world) {
        int added = 0;
        for (Space space : spaces()) {
            if (world.findSpace(space.id()).isEmpty()) {
                world.saveSpace(space);
                added++;
            }
        }
        return added;
    }
}
