package dev.worldmind.app.tour;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.model.reinforce.PolicyArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The registered navigation policy the museum guide walks with: the latest version of {@value
 * #NAME} (kind {@code policy}), trained on the museum's floor at 1 m cells. Stateless.
 */
public final class MuseumNavigator {
    /** The policy's name in the model registry. */
    public static final String NAME = "museum-navigator";

    /** The cell size the policy was trained at, in metres. */
    public static final double CELL_SIZE = 1.0;

    private MuseumNavigator() {}

    /**
     * Loads the latest registered version.
     *
     * @param registry the model registry
     * @return the policy (close it), or empty when none is registered
     * @throws InvalidDataException when the registered model is not a navigation policy
     */
    public static Optional<Policy> load(ModelRegistry registry) {
        if (registry.latestVersion(NAME).isEmpty()) {
            return Optional.empty();
        }
        ModelManifest m = registry.get(NAME);
        if (!ModelManifest.POLICY.equals(m.kind())) {
            throw new InvalidDataException(m.ref() + " is a " + m.kind() + ", not a policy");
        }
        Path dir = registry.directory(m.ref());
        // The policy folder may be the version folder itself or its weights/ folder.
        Path files =
                Files.isRegularFile(dir.resolve(PolicyArtifact.FILE))
                        ? dir
                        : dir.resolve(ModelRegistry.WEIGHTS);
        PolicyArtifact a = PolicyArtifact.read(files);
        if (a.observationSize() != NavGrid.OBSERVATION_SIZE) {
            throw new InvalidDataException(
                    m.ref()
                            + " sees "
                            + a.observationSize()
                            + " numbers, a NavGrid observation has "
                            + NavGrid.OBSERVATION_SIZE);
        }
        return Optional.of(PolicyArtifact.load(files));
    }
}
