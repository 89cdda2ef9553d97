package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained policy on disk: {@code policy.json} (format, algorithm, environment, spaces, network
 * shape, hyper-parameters, provenance) beside the network's DJL weights {@code policy-0000.params}.
 * Registered in the model registry as kind {@code policy}.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param algorithm what trained it, e.g. {@code ppo}
 * @param environment the environment's id
 * @param observationSize how many numbers an observation has
 * @param actions the action space
 * @param network the acting network's shape
 * @param hyperparameters the training configuration
 * @param provenance how it was made (with its evaluation metrics), or null inside a run
 */
public record PolicyArtifact(
        int formatVersion,
        String algorithm,
        String environment,
        int observationSize,
        Actions actions,
        NetworkSpec network,
        Map<String, Object> hyperparameters,
        Provenance provenance) {

    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The description's file name. */
    public static final String FILE = "policy.json";

    /** The weights' name (DJL adds {@code -0000.params}). */
    public static final String WEIGHTS = "policy";

    public PolicyArtifact {
        hyperparameters = Map.copyOf(hyperparameters);
    }

    /**
     * An action space as JSON: {@code discrete} set, or {@code low} and {@code high}.
     *
     * @param discrete the number of discrete actions, or null
     * @param low a box's lower bounds, or null
     * @param high a box's upper bounds, or null
     */
    public record Actions(Integer discrete, float[] low, float[] high) {
        /** Describes a space. */
        public static Actions of(ActionSpace space) {
            if (space instanceof ActionSpace.Discrete d) {
                return new Actions(d.n(), null, null);
            }
            ActionSpace.Box b = (ActionSpace.Box) space;
            return new Actions(null, b.low(), b.high());
        }

        /** Rebuilds the space. */
        public ActionSpace space() {
            if (discrete != null) {
                return new ActionSpace.Discrete(discrete);
            }
            if (low == null || high == null) {
                throw new InvalidDataException("a policy's actions are neither discrete nor a box");
            }
            return new ActionSpace.Box(low, high);
        }
    }

    /**
     * Saves the description and a network's weights into a folder.
     *
     * @param dir the folder, created if needed
     * @param weights the acting network
     */
    public void save(Path dir, Network weights) {
        weights.save(dir, WEIGHTS);
        Json.write(dir.resolve(FILE), this);
    }

    /**
     * Reads the description in a folder.
     *
     * @param dir the folder
     * @return the description
     * @throws InvalidDataException when there is no policy
     * @throws UnsupportedFormatVersionException when it was written in another format
     */
    public static PolicyArtifact read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException("no policy in " + dir + ": " + FILE + " is missing");
        }
        PolicyArtifact a = Json.read(file, PolicyArtifact.class);
        if (a.formatVersion() != FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "policy " + dir, a.formatVersion(), FORMAT_VERSION);
        }
        return a;
    }

    /**
     * Loads the policy saved in a folder, ready to act.
     *
     * @param dir the folder
     * @return the policy; close it
     */
    public static Policy load(Path dir) {
        PolicyArtifact a = read(dir);
        if (a.network().inputs() != a.observationSize()) {
            throw new InvalidDataException(
                    "policy "
                            + dir
                            + ": the network takes "
                            + a.network().inputs()
                            + " inputs but observations have "
                            + a.observationSize());
        }
        return new NetworkPolicy(
                Network.load(a.network(), dir, WEIGHTS), a.actions().space(), true);
    }

    /** The same artifact with provenance. */
    public PolicyArtifact withProvenance(Provenance p) {
        return new PolicyArtifact(
                formatVersion,
                algorithm,
                environment,
                observationSize,
                actions,
                network,
                hyperparameters,
                p);
    }
}
