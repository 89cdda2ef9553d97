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
        Instant createdAt) {

    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

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
    }

    /** Returns {@code name:version}. */
    public String ref() {
        return name + ":" + version;
    }
}
