package dev.worldmind.app.vision;

import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.registry.ModelManifest;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model registered from another one (exported, quantised), with its evaluation and the comparison
 * against its source.
 *
 * @param manifest the registered model
 * @param directory its version folder
 * @param report its evaluation on the test set
 * @param comparison size, accuracy and latency next to its source
 * @param copiedTo where the model file was also copied, if asked
 */
public record DerivedModel(
        ModelManifest manifest,
        Path directory,
        ClassificationReport report,
        RuntimeComparison comparison,
        Optional<Path> copiedTo) {
    public DerivedModel {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(copiedTo, "copiedTo");
    }

    /** Returns the registered model file. */
    public Path modelFile() {
        return directory.resolve(dev.worldmind.model.registry.ModelRegistry.ONNX_FILE);
    }
}
