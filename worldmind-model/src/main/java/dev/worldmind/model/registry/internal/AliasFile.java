package dev.worldmind.model.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.registry.Aliases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A model's {@link Aliases#FILE}: read with a format check, written whole to a temporary file and
 * renamed over the old one, so a reader sees the old aliases or the new ones, never half of either.
 * Stateless; callers that read, change and write must hold their own lock.
 */
public final class AliasFile {
    private AliasFile() {}

    /**
     * Reads a model's aliases.
     *
     * @param modelDir the model's folder
     * @param name the model name, for messages
     * @return the aliases, or none when the model has no alias file
     * @throws UnsupportedFormatVersionException when the file has another format version
     * @throws InvalidDataException when it is damaged
     */
    public static Aliases read(Path modelDir, String name) {
        Path file = modelDir.resolve(Aliases.FILE);
        if (!Files.isRegularFile(file)) {
            return Aliases.none();
        }
        JsonNode tree = Json.read(file, JsonNode.class);
        int version = tree.path("formatVersion").asInt(-1);
        if (version != Aliases.FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "aliases of " + name, version, Aliases.FORMAT_VERSION);
        }
        try {
            return Json.mapper().treeToValue(tree, Aliases.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces a model's aliases.
     *
     * @param modelDir the model's folder
     * @param name the model name, for messages
     * @param aliases the aliases to store
     * @return the aliases as stored
     */
    public static Aliases write(Path modelDir, String name, Aliases aliases) {
        try {
            Path tmp = Files.createTempFile(modelDir, ".aliases-", ".json");
            Json.write(tmp, aliases);
            Files.move(
                    tmp,
                    modelDir.resolve(Aliases.FILE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return aliases;
        } catch (IOException e) {
            throw new WorldmindException("cannot write the aliases of " + name + ": " + e, e);
        }
    }
}
