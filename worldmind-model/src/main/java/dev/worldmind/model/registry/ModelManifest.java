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
 * @param architecture the network to rebuild before loading the weights; null for models that are
 *     not image classifiers (they describe themselves in their own files)
 * @param classes the class names, in output order
 * @param normalization the input normalisation used in training; null where there is none
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

    /**
     * The format this build writes. Version 3 admits models other than image classifiers (no
     * architecture or normalisation, runtime {@link #JAVA}); versions 1 (DJL image classifiers
     * only) and 2 are still read.
     */
    public static final int FORMAT_VERSION = 3;

    /** The oldest format this build reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;

    /** Runtime of models stored as DJL weights. */
    public static final String DJL = "djl";

    /** Runtime of models stored as an ONNX file. */
    public static final String ONNX = "onnx";

    /**
     * Runtime of models stored in Worldmind's own files (e.g. a linear text classifier's
     * coefficients), loaded by the class that wrote them.
     */
    public static final String JAVA = "java";

    /** The kind of image classifiers. */
    public static final String IMAGE_CLASSIFIER = "image-classifier";

    /** The kind of text classifiers (sentiment, spam). */
    public static final String TEXT_CLASSIFIER = "text-classifier";

    /** The kind of a recommender (algorithm parameters and its training interactions). */
    public static final String RECOMMENDER = "recommender";

    /** The kind of a reinforcement-learning policy (a network that acts in an environment). */
    public static final String POLICY = "policy";

    /** The kind of an image generator (a GAN's generator network). */
    public static final String GENERATOR = "generator";

    public ModelManifest {
        ModelRegistry.checkName(name);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(kind, "kind");
        if (kind.equals(IMAGE_CLASSIFIER)) {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(normalization, "normalization");
        }
        classes = List.copyOf(classes);
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(createdAt, "createdAt");
        runtime = runtime == null ? DJL : runtime;
        if (!runtime.equals(DJL) && !runtime.equals(ONNX) && !runtime.equals(JAVA)) {
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
     * Starts the manifest of a model that is not an image classifier, stored in files its own class
     * writes and reads; the registry fills in name, version and time when it registers it.
     *
     * @param name the model's name
     * @param kind what sort of model it is, e.g. {@link #TEXT_CLASSIFIER}
     * @param runtime what runs it, e.g. {@link #JAVA} or {@link #DJL}
     * @param classes the class names, or empty
     * @param metrics headline test metrics
     * @param provenance how it was made
     * @return the draft
     */
    public static ModelManifest artifact(
            String name,
            String kind,
            String runtime,
            List<String> classes,
            Map<String, Double> metrics,
            Provenance provenance) {
        if (kind.equals(IMAGE_CLASSIFIER)) {
            throw new IllegalArgumentException("image classifiers are drafted with draft(...)");
        }
        return new ModelManifest(
                FORMAT_VERSION,
                name,
                1,
                kind,
                null,
                classes,
                null,
                metrics,
                provenance,
                Instant.EPOCH,
                runtime,
                "",
                "");
    }

    /** Returns whether this is an image classifier that the serving API can run. */
    public boolean isImageClassifier() {
        return kind.equals(IMAGE_CLASSIFIER);
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
