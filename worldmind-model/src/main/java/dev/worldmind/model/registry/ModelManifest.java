package dev.worldmind.model.registry;

import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.vision.ArchitectureSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The description stored beside a registered model's weights: what it is, how to rebuild and feed
 * it, how good it is and where it came from. Written as {@code manifest.json}.
 *
 * @param formatVersion the artifact format version; loading checks it first
 * @param name the model's name
 * @param version its version under that name, from 1
 * @param kind what sort of model it is, e.g. {@code image-classifier}
 * @param architecture the network to rebuild before loading the weights
 * @param classes the class names, in output order
 * @param normalization the input normalisation used in training
 * @param metrics headline metrics on the test set
 * @param provenance how it was made
 * @param createdAt when it was registered
 * @param runtime what runs it: {@link #DJL} (weights in {@code weights/}) or {@link #ONNX} (a
 *     {@code model.onnx} file); version 1 manifests are DJL models
 * @param derivedFrom the {@code name:version} this model was made from (exported, quantised,
 *     pruned), or empty for a trained model
 * @param compression how it was compressed, e.g. {@code int8} or {@code pruned-80%}, or empty
 */
public record ModelManifest(
        int formatVersion,
        String name,
        int version,
        String kind,
        ArchitectureSpec architecture,
        List<String> classes,
        Normalization normalization,
        Map<String, Double> metrics,
        Provenance provenance,
        Instant createdAt,
        String runtime,
        String derivedFrom,
        String compression) {

    /** The format this build writes; it also reads version 1 (which had only DJL models). */
    public static final int FORMAT_VERSION = 2;

    /** Runtime of models stored as DJL weights. */
    public static final String DJL = "djl";

    /** Runtime of models stored as an ONNX file. */
    public static final String ONNX = "onnx";

    /** The kind of image classifiers. */
    public static final String IMAGE_CLASSIFIER = "image-classifier";

    public ModelManifest {
        ModelRegistry.checkName(name);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(architecture, "architecture");
        classes = List.copyOf(classes);
        Objects.requireNonNull(normalization, "normalization");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(createdAt, "createdAt");
        runtime = runtime == null ? DJL : runtime;
        if (!runtime.equals(DJL) && !runtime.equals(ONNX)) {
            throw new IllegalArgumentException("unknown runtime '" + runtime + "'");
        }
        derivedFrom = derivedFrom == null ? "" : derivedFrom;
        compression = compression == null ? "" : compression;
    }

    /**
     * Starts the manifest of a freshly trained DJL model; the registry fills in name, version and
     * time when it registers it.
     *
     * @param name the model's name
     * @param kind what sort of model it is
     * @param architecture the network
     * @param classes the class names
     * @param normalization the input normalisation
     * @param metrics headline test metrics
     * @param provenance how it was made
     * @return the draft
     */
    public static ModelManifest draft(
            String name,
            String kind,
            ArchitectureSpec architecture,
            List<String> classes,
            Normalization normalization,
            Map<String, Double> metrics,
            Provenance provenance) {
        return new ModelManifest(
                FORMAT_VERSION,
                name,
                1,
                kind,
                architecture,
                classes,
                normalization,
                metrics,
                provenance,
                Instant.EPOCH,
                DJL,
                "",
                "");
    }

    /**
     * Returns a draft for a model made from this one: same architecture, classes and input, under a
     * name, with its own runtime, metrics and provenance.
     *
     * @param newName the derived model's name
     * @param newRuntime its runtime
     * @param how its compression, or empty
     * @param newMetrics its measured metrics
     * @param newProvenance how it was made
     * @return the draft
     */
    public ModelManifest derive(
            String newName,
            String newRuntime,
            String how,
            Map<String, Double> newMetrics,
            Provenance newProvenance) {
        return new ModelManifest(
                FORMAT_VERSION,
                newName,
                1,
                kind,
                architecture,
                classes,
                normalization,
                newMetrics,
                newProvenance,
                Instant.EPOCH,
                newRuntime,
                ref(),
                how);
    }

    /** Returns {@code name:version}. */
    public String ref() {
        return name + ":" + version;
    }
}
