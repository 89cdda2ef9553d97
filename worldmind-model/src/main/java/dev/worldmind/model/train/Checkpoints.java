package dev.worldmind.model.train;

import ai.djl.MalformedModelException;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.vision.ImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training run's checkpoints: the weights after every epoch, the best epoch's weights, and a
 * state file written last, so a crash during a save leaves the previous state intact.
 */
final class Checkpoints {
    static final int FORMAT_VERSION = 1;
    private static final String STATE = "state.json";

    private final Path dir;
    private final TrainingConfig config;

    Checkpoints(Path dir, TrainingConfig config) {
        this.dir = dir;
        this.config = config;
    }

    /**
     * Loads the latest checkpoint of a run with this configuration into the classifier.
     *
     * @return the epochs already done (empty for a fresh run)
     */
    List<EpochStats> restore(ImageClassifier classifier) {
        Path stateFile = dir.resolve(STATE);
        if (!Files.isRegularFile(stateFile)) {
            return List.of();
        }
        State state = Json.read(stateFile, State.class);
        if (state.formatVersion() != FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "checkpoint " + stateFile, state.formatVersion(), FORMAT_VERSION);
        }
        if (!Json.sameContent(state.config(), config.toMap())) {
            throw new WorldmindException(
                    "the checkpoints in "
                            + dir
                            + " come from a different training configuration; remove that folder"
                            + " to start afresh");
        }
        if (state.history().isEmpty()) {
            return List.of();
        }
        load(classifier, epochDir(state.history().size()));
        return state.history();
    }

    void save(ImageClassifier classifier, List<EpochStats> history, boolean best) {
        int epoch = history.size();
        try {
            Files.createDirectories(dir);
            saveWeights(classifier, epochDir(epoch), epoch);
            if (best) {
                saveWeights(classifier, dir.resolve("best"), 0);
            }
            Json.write(dir.resolve(STATE), new State(FORMAT_VERSION, config.toMap(), history));
        } catch (IOException e) {
            throw new WorldmindException("cannot write checkpoint in " + dir + ": " + e, e);
        }
    }

    void loadBest(ImageClassifier classifier) {
        load(classifier, dir.resolve("best"));
    }

    private Path epochDir(int epoch) {
        return dir.resolve(String.format(Locale.ROOT, "epoch-%04d", epoch));
    }

    private static void saveWeights(ImageClassifier classifier, Path target, int epoch)
            throws IOException {
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        classifier.model().setProperty("Epoch", Integer.toString(epoch));
        classifier.model().save(target, ImageClassifier.WEIGHTS_NAME);
    }

    private static void load(ImageClassifier classifier, Path from) {
        try {
            classifier.model().load(from, ImageClassifier.WEIGHTS_NAME);
        } catch (IOException | MalformedModelException e) {
            throw new InvalidDataException(
                    "cannot load checkpoint " + from + " (" + e.getMessage() + "); remove it", e);
        }
    }

    /** The state file. */
    record State(int formatVersion, Map<String, Object> config, List<EpochStats> history) {}
}
