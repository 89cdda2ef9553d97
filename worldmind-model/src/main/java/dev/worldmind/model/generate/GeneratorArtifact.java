package dev.worldmind.model.generate;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained generator on disk: {@code generator.json} (format, network shape, training
 * configuration, provenance) beside the DJL weights {@code generator-0000.params}. Registered in
 * the model registry as kind {@code generator}.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param dataset the training data's name, e.g. {@code fashion-mnist}
 * @param spec the generator's shape (with the class names)
 * @param hyperparameters the training configuration
 * @param provenance how it was made (with its metrics), or null inside a run
 */
public record GeneratorArtifact(
        int formatVersion,
        String dataset,
        GeneratorSpec spec,
        Map<String, Object> hyperparameters,
        Provenance provenance) {

    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The description's file name. */
    public static final String FILE = "generator.json";

    public GeneratorArtifact {
        hyperparameters = Map.copyOf(hyperparameters);
    }

    /**
     * Saves the description and the generator's weights into a folder.
     *
     * @param dir the folder, created if needed
     * @param generator the generator, of this artifact's shape
     */
    public void save(Path dir, Generator generator) {
        if (!generator.spec().equals(spec)) {
            throw new IllegalArgumentException(
                    "the generator's shape " + generator.spec() + " is not " + spec);
        }
        generator.save(dir);
        Json.write(dir.resolve(FILE), this);
    }

    /**
     * Reads the description in a folder.
     *
     * @param dir the folder
     * @return the description
     * @throws InvalidDataException when there is no generator
     * @throws UnsupportedFormatVersionException when it was written in another format
     */
    public static GeneratorArtifact read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException("no generator in " + dir + ": " + FILE + " is missing");
        }
        GeneratorArtifact a = Json.read(file, GeneratorArtifact.class);
        if (a.formatVersion() != FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "generator " + dir, a.formatVersion(), FORMAT_VERSION);
        }
        return a;
    }

    /**
     * Loads the generator saved in a folder.
     *
     * @param dir the folder
     * @return the generator; close it
     */
    public static Generator load(Path dir) {
        return Generator.load(read(dir).spec(), dir);
    }

    /** The same artifact with provenance. */
    public GeneratorArtifact withProvenance(Provenance p) {
        return new GeneratorArtifact(formatVersion, dataset, spec, hyperparameters, p);
    }
}
