package dev.worldmind.model.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.Folders;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A model's version folders: {@code <model>/<n>/}, each holding {@link ModelRegistry#MANIFEST}. A
 * new version is written into a hidden staging folder and renamed into place whole, so readers
 * never see half a model, and two processes registering at once end up with two numbers. Hidden
 * folders (staging) are never listed. Stateless.
 */
public final class VersionFolders {
    private static final int ATTEMPTS = 100;

    private VersionFolders() {}

    /**
     * Publishes the next version of a model: the files are written once into a staging folder,
     * which then takes the next free number.
     *
     * @param modelDir the model's folder (created if missing)
     * @param draft the manifest without version and time (those are filled in here)
     * @param files writes the model's files into the (still hidden) version folder
     * @return the manifest as stored
     * @throws WorldmindException when the folder cannot be written or no number could be taken
     */
    public static ModelManifest publish(Path modelDir, ModelManifest draft, Consumer<Path> files) {
        try {
            Files.createDirectories(modelDir);
            Path staging = Files.createTempDirectory(modelDir, ".staging-");
            try {
                files.accept(staging);
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    List<Integer> taken = versions(modelDir);
                    int version = taken.isEmpty() ? 1 : taken.get(taken.size() - 1) + 1;
                    Json.write(
                            staging.resolve(ModelRegistry.MANIFEST),
                            numbered(draft, version, Instant.now()));
                    Path target = modelDir.resolve(Integer.toString(version));
                    try {
                        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                        // As stored: what every later get() returns, to the last number type.
                        return readManifest(target);
                    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                        // Another process took this version number; take the next.
                    }
                }
                throw new WorldmindException("could not allocate a version for " + draft.name());
            } finally {
                Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot register model " + draft.name() + ": " + e, e);
        }
    }

    private static ModelManifest numbered(ModelManifest draft, int version, Instant at) {
        return new ModelManifest(
                ModelManifest.FORMAT_VERSION,
                draft.name(),
                version,
                draft.kind(),
                draft.architecture(),
                draft.classes(),
                draft.normalization(),
                draft.metrics(),
                draft.provenance(),
                at,
                draft.runtime(),
                draft.derivedFrom(),
                draft.compression());
    }

    /**
     * Reads a version's manifest, refusing format versions this code does not know.
     *
     * @param dir the version folder
     * @return the manifest
     * @throws InvalidDataException when there is no manifest or it is damaged
     * @throws UnsupportedFormatVersionException when it was written in another format version
     */
    public static ModelManifest readManifest(Path dir) {
        Path file = dir.resolve(ModelRegistry.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException(
                    dir + " has no " + ModelRegistry.MANIFEST + "; it is not a model");
        }
        JsonNode tree = Json.read(file, JsonNode.class);
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidDataException(file + " has no formatVersion; it is not a manifest");
        }
        String what = "model " + dir.getParent().getFileName() + ":" + dir.getFileName();
        if (version.asInt() > ModelManifest.FORMAT_VERSION
                || version.asInt() < ModelManifest.OLDEST_FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    what, version.asInt(), ModelManifest.FORMAT_VERSION);
        }
        try {
            return Json.mapper().treeToValue(tree, ModelManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException(what + " has a damaged manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Lists a model's version numbers, ascending; none when the folder does not exist.
     *
     * @param modelDir the model's folder
     */
    public static List<Integer> versions(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            return List.of();
        }
        return childNames(modelDir).stream()
                .filter(s -> s.matches("[1-9][0-9]{0,8}"))
                .map(Integer::valueOf)
                .sorted()
                .toList();
    }

    /**
     * Lists the names of the visible folders in a folder, sorted.
     *
     * @param dir the folder
     */
    public static List<String> childNames(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new WorldmindException("cannot list " + dir + ": " + e, e);
        }
    }
}
