package dev.worldmind.model.language.sentiment.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and checks the manifest every saved sentiment model folder starts with. */
public final class ModelFiles {
    /** The manifest's file name inside a model folder. */
    public static final String MANIFEST = "sentiment-model.json";

    private ModelFiles() {}

    /**
     * Reads a folder's manifest, checking its kind and format version.
     *
     * @param dir the model folder
     * @param kind the expected kind
     * @param version the format version this build reads
     * @return the manifest as a JSON tree
     */
    public static JsonNode readManifest(Path dir, String kind, int version) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no sentiment model in " + dir + " (" + MANIFEST + ")");
        }
        JsonNode node = Json.read(file, JsonNode.class);
        String found = node.path("kind").asText("");
        if (!found.equals(kind)) {
            throw new InvalidDataException(
                    dir + " holds a " + found + " sentiment model, not a " + kind + " one");
        }
        int format = node.path("formatVersion").asInt(-1);
        if (format != version) {
            throw new UnsupportedFormatVersionException("sentiment model " + dir, format, version);
        }
        return node;
    }
}
