package dev.worldmind.model.registry;

import dev.worldmind.core.Folders;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.onnx.OnnxClassifier;
import dev.worldmind.model.registry.internal.AliasFile;
import dev.worldmind.model.registry.internal.VersionFolders;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The model registry: every trained model as {@code <root>/<name>/<version>/} holding {@code
 * manifest.json}, {@code weights/} (DJL) or {@code model.onnx} (ONNX Runtime), and whatever reports
 * were registered with it (metrics, history, plots). A version is staged in a hidden folder and
 * renamed into place whole, so readers never see half a model. Versions are immutable once
 * registered. The files themselves are written and read by {@code registry.internal}.
 *
 * <p>Thread-safe and safe across processes for registering (a lost race retries with the next
 * version number).
 */
public final class ModelRegistry {
    /** The manifest's file name inside a version folder. */
    public static final String MANIFEST = "manifest.json";

    /** The weights folder inside a version folder. */
    public static final String WEIGHTS = "weights";

    /** The model file of an ONNX version. */
    public static final String ONNX_FILE = "model.onnx";

    /** The version a bare name stands for (see {@link #defaultVersion}). */
    private static final String DEFAULT = "default";

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
     * Registers a DJL image classifier as the next version of a name.
     *
     * @param classifier the trained classifier; its weights are saved
     * @param draft the manifest without version and time (those are filled in here)
     * @param extras writes further files (reports, plots) into the version folder
     * @return the manifest as registered
     */
    public ModelManifest register(
            ImageClassifier classifier, ModelManifest draft, Consumer<Path> extras) {
        if (!draft.runtime().equals(ModelManifest.DJL)) {
            throw new IllegalArgumentException("a DJL classifier needs a djl manifest");
        }
        return registerFiles(
                draft,
                dir -> {
                    classifier.save(dir.resolve(WEIGHTS));
                    extras.accept(dir);
                });
    }

    /**
     * Registers the next version of a name from files a writer puts into the version folder: DJL
     * weights in {@code weights/}, or {@link #ONNX_FILE} for an ONNX model, plus any reports.
     *
     * @param draft the manifest without version and time (those are filled in here)
     * @param files writes the model's files into the (still hidden) version folder
     * @return the manifest as registered
     * @throws dev.worldmind.core.InvalidDataException when no {@link ModelKind} plugin declares the
     *     draft's kind
     */
    public ModelManifest registerFiles(ModelManifest draft, Consumer<Path> files) {
        ModelKinds.of(draft.kind());
        return VersionFolders.publish(root.resolve(checkName(draft.name())), draft, files);
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
        if (!m.runtime().equals(ModelManifest.DJL)) {
            throw new InvalidDataException(
                    m.ref() + " is an " + m.runtime() + " model, not DJL weights");
        }
        return ImageClassifier.load(
                dir.resolve(WEIGHTS), m.architecture(), m.classes(), m.normalization());
    }

    /**
     * Loads a registered image model with the runtime its manifest names.
     *
     * @param ref {@code name}, {@code name:latest}, {@code name:version} or {@code name:alias}
     * @return the model; close it
     */
    public ImageModel loadModel(String ref) {
        return loadModel(ref, OnnxClassifier.DEFAULT_THREADS);
    }

    /**
     * Loads a registered image model with the runtime its manifest names: DJL weights, or {@link
     * #ONNX_FILE} in ONNX Runtime.
     *
     * @param ref {@code name}, {@code name:latest}, {@code name:version} or {@code name:alias}
     * @param onnxThreads intra-op threads of an ONNX Runtime session (DJL's engine has its own
     *     setting)
     * @return the model; close it
     */
    public ImageModel loadModel(String ref, int onnxThreads) {
        Path dir = resolve(ref);
        ModelManifest m = readManifest(dir);
        if (m.runtime().equals(ModelManifest.DJL)) {
            return loadClassifier(m.ref());
        }
        if (!ModelManifest.IMAGE_CLASSIFIER.equals(m.kind())) {
            throw new InvalidDataException(
                    m.ref() + " is a " + m.kind() + ", not an image classifier");
        }
        OnnxClassifier model = OnnxClassifier.load(dir.resolve(ONNX_FILE), onnxThreads);
        if (!model.spec().equals(m.architecture()) || !model.classes().equals(m.classes())) {
            model.close();
            throw new InvalidDataException(
                    m.ref() + ": " + ONNX_FILE + " describes another model than its manifest");
        }
        return model;
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
        for (String name : VersionFolders.childNames(root)) {
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
     * Returns the version a bare name stands for: the {@code stable} alias when it is set, else the
     * newest. Serving and the world's features use it, so a new version goes live only when it is
     * promoted once a model has a stable version.
     *
     * @param name the model name
     * @return the version number
     * @throws NotFoundException when no version of the name exists
     */
    public int defaultVersion(String name) {
        Integer stable = aliases(name).aliases().get(Aliases.STABLE);
        if (stable != null && Files.isDirectory(root.resolve(name).resolve(stable.toString()))) {
            return stable;
        }
        return latestVersion(name)
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "no model named '"
                                                + name
                                                + "'; `worldmind models list` shows what there"
                                                + " is"));
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

    /**
     * Returns a model's aliases (none if it has no alias file).
     *
     * @param name the model name
     */
    public Aliases aliases(String name) {
        return AliasFile.read(root.resolve(checkName(name)), name);
    }

    /**
     * Points an alias (such as {@code stable}) at an existing version.
     *
     * @param name the model name
     * @param alias the alias: lowercase letters, not {@code latest}
     * @param version the version
     * @return the aliases as stored
     */
    public synchronized Aliases setAlias(String name, String alias, int version) {
        if (!alias.matches("[a-z][a-z0-9_-]{0,31}") || alias.equals(Aliases.LATEST)) {
            throw new InvalidDataException(
                    "aliases are 1-32 lowercase letters, digits, '_' or '-', not 'latest': "
                            + alias);
        }
        resolve(name + ":" + version);
        return writeAliases(name, aliases(name).with(alias, version));
    }

    /**
     * Steps an alias back to the version it pointed to before.
     *
     * @param name the model name
     * @param alias the alias
     * @return the aliases as stored
     */
    public synchronized Aliases rollback(String name, String alias) {
        return writeAliases(name, aliases(name).rolledBack(alias));
    }

    private Aliases writeAliases(String name, Aliases aliases) {
        return AliasFile.write(root.resolve(checkName(name)), name, aliases);
    }

    private Path resolve(String ref) {
        int colon = ref.indexOf(':');
        String name = checkName(colon >= 0 ? ref.substring(0, colon) : ref);
        String version = colon >= 0 ? ref.substring(colon + 1) : DEFAULT;
        int number;
        if (version.equals(DEFAULT)) {
            number = defaultVersion(name);
        } else if (version.equals("latest")) {
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
        } else if (version.matches("[0-9]{1,9}")) {
            number = Integer.parseInt(version);
        } else {
            Integer aliased = aliases(name).aliases().get(version);
            if (aliased == null) {
                throw new NotFoundException(
                        "'"
                                + version
                                + "' is not a version or alias of "
                                + name
                                + ": use a number, 'latest' or an alias");
            }
            number = aliased;
        }
        Path dir = root.resolve(name).resolve(Integer.toString(number));
        if (!Files.isDirectory(dir)) {
            // No folder in the message: it reaches API clients.
            throw new NotFoundException("model " + name + " has no version " + number);
        }
        return dir;
    }

    private static ModelManifest readManifest(Path dir) {
        return VersionFolders.readManifest(dir);
    }

    private List<Integer> versions(String name) {
        return VersionFolders.versions(root.resolve(name));
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            // A clear refusal (400 at the API), not an internal error: names come from URLs.
            throw new InvalidDataException(
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
