package dev.worldmind.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.Folders;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.vision.ImageClassifier;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model registry: every trained model as {@code <root>/<name>/<version>/} holding {@code
 * manifest.json}, {@code weights/}, and whatever reports were registered with it (metrics, history,
 * plots). A version is staged in a hidden folder and renamed into place whole, so readers never see
 * half a model. Versions are immutable once registered.
 *
 * <p>Thread-safe and safe across processes for registering (a lost race retries with the next
 * version number).
 */
public final class ModelRegistry {
    /** The manifest's file name inside a version folder. */
    public static final String MANIFEST = "manifest.json";

    /** The weights folder inside a version folder. */
    public static final String WEIGHTS = "weights";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path root;

    /**
     * Opens (and if needed creates on first registration) a registry.
     *
     * @param root its folder
     */
    public ModelRegistry(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Returns the registry's folder. */
    public Path root() {
        return root;
    }

    /**
     * Registers an image classifier as the next version of a name.
     *
     * @param classifier the trained classifier; its weights are saved
     * @param draft the manifest without name, version and time (those are filled in here)
     * @param extras writes further files (reports, plots) into the version folder
     * @return the manifest as registered
     */
    public ModelManifest register(
            ImageClassifier classifier, ModelManifest draft, Consumer<Path> extras) {
        Path modelDir = root.resolve(checkName(draft.name()));
        try {
            Files.createDirectories(modelDir);
            Path staging = Files.createTempDirectory(modelDir, ".staging-");
            try {
                classifier.save(staging.resolve(WEIGHTS));
                extras.accept(staging);
                for (int attempt = 0; attempt < 100; attempt++) {
                    int version = latestVersion(draft.name()).orElse(0) + 1;
                    ModelManifest manifest =
                            new ModelManifest(
                                    ModelManifest.FORMAT_VERSION,
                                    draft.name(),
                                    version,
                                    draft.kind(),
                                    draft.architecture(),
                                    draft.classes(),
                                    draft.normalization(),
                                    draft.metrics(),
                                    draft.provenance(),
                                    Instant.now());
                    Json.write(staging.resolve(MANIFEST), manifest);
                    Path target = modelDir.resolve(Integer.toString(version));
                    try {
                        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                        // As stored: what every later get() returns, to the last number type.
                        return readManifest(target);
                    } catch (FileAlreadyExistsException
                            | java.nio.file.DirectoryNotEmptyException e) {
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

    /**
     * Reads a model's manifest.
     *
     * @param ref {@code name}, {@code name:latest} or {@code name:version}
     * @return the manifest
     * @throws NotFoundException if there is no such model or version
     * @throws UnsupportedFormatVersionException if it was written in another format version
     */
    public ModelManifest get(String ref) {
        return readManifest(resolve(ref));
    }

    /**
     * Loads a registered image classifier.
     *
     * @param ref {@code name}, {@code name:latest} or {@code name:version}
     * @return the classifier; close it
     */
    public ImageClassifier loadClassifier(String ref) {
        Path dir = resolve(ref);
        ModelManifest m = readManifest(dir);
        if (!ModelManifest.IMAGE_CLASSIFIER.equals(m.kind())) {
            throw new InvalidDataException(
                    m.ref() + " is a " + m.kind() + ", not an image classifier");
        }
        return ImageClassifier.load(
                dir.resolve(WEIGHTS), m.architecture(), m.classes(), m.normalization());
    }

    /**
     * Returns the folder of a registered version.
     *
     * @param ref {@code name}, {@code name:latest} or {@code name:version}
     */
    public Path directory(String ref) {
        return resolve(ref);
    }

    /**
     * Lists every registered version, oldest first within a name; versions that cannot be read are
     * listed with the reason instead of failing the listing.
     *
     * @return the entries
     */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        for (String name : childNames(root)) {
            for (int version : versions(name)) {
                Path dir = root.resolve(name).resolve(Integer.toString(version));
                try {
                    out.add(new Entry(name, version, Optional.of(readManifest(dir)), ""));
                } catch (WorldmindException e) {
                    out.add(new Entry(name, version, Optional.empty(), e.getMessage()));
                }
            }
        }
        return out;
    }

    /**
     * Deletes one version, or every version of a name.
     *
     * @param ref {@code name} (all versions) or {@code name:version}
     * @return how many versions were deleted
     */
    public int delete(String ref) {
        try {
            if (!ref.contains(":")) {
                Path dir = root.resolve(checkName(ref));
                int count = versions(ref).size();
                if (count == 0) {
                    throw new NotFoundException("no model named '" + ref + "' in " + root);
                }
                Folders.deleteTree(dir);
                return count;
            }
            Folders.deleteTree(resolve(ref));
            return 1;
        } catch (IOException e) {
            throw new WorldmindException("cannot delete " + ref + ": " + e, e);
        }
    }

    /**
     * Returns the newest version number of a name, if any.
     *
     * @param name the model name
     */
    public Optional<Integer> latestVersion(String name) {
        List<Integer> v = versions(checkName(name));
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    private Path resolve(String ref) {
        int colon = ref.indexOf(':');
        String name = checkName(colon >= 0 ? ref.substring(0, colon) : ref);
        String version = colon >= 0 ? ref.substring(colon + 1) : "latest";
        int number;
        if (version.equals("latest")) {
            number =
                    latestVersion(name)
                            .orElseThrow(
                                    () ->
                                            new NotFoundException(
                                                    "no model named '"
                                                            + name
                                                            + "' in "
                                                            + root
                                                            + "; `worldmind models list` shows"
                                                            + " what there is"));
        } else {
            try {
                number = Integer.parseInt(version);
            } catch (NumberFormatException e) {
                throw new NotFoundException(
                        "'" + version + "' is not a version: use a number or 'latest'");
            }
        }
        Path dir = root.resolve(name).resolve(Integer.toString(number));
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException(
                    "model " + name + " has no version " + number + " in " + root);
        }
        return dir;
    }

    private static ModelManifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException(dir + " has no " + MANIFEST + "; it is not a model");
        }
        JsonNode tree = Json.read(file, JsonNode.class);
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidDataException(file + " has no formatVersion; it is not a manifest");
        }
        String what = "model " + dir.getParent().getFileName() + ":" + dir.getFileName();
        if (version.asInt() != ModelManifest.FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    what, version.asInt(), ModelManifest.FORMAT_VERSION);
        }
        try {
            return Json.mapper().treeToValue(tree, ModelManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException(what + " has a damaged manifest: " + e.getMessage(), e);
        }
    }

    private List<Integer> versions(String name) {
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return childNames(dir).stream()
                .filter(s -> s.matches("[1-9][0-9]{0,8}"))
                .map(Integer::valueOf)
                .sorted()
                .toList();
    }

    private static List<String> childNames(Path dir) {
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

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "model names are 1-64 lowercase letters, digits, '.', '_' or '-': " + name);
        }
        return name;
    }

    /**
     * One registered version in a listing.
     *
     * @param name the model name
     * @param version the version
     * @param manifest its manifest, if it could be read
     * @param problem why it could not be read, else empty
     */
    public record Entry(
            String name, int version, Optional<ModelManifest> manifest, String problem) {}
}
