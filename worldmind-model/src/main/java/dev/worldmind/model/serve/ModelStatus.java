package dev.worldmind.model.serve;

import dev.worldmind.model.registry.ModelManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the model server knows about one model.
 *
 * @param name the model name
 * @param versions its registered versions, oldest first
 * @param aliases its aliases (such as {@code stable})
 * @param defaultVersion the version a request without a version goes to, or null if none
 */
public record ModelStatus(
        String name, List<Version> versions, Map<String, Integer> aliases, Integer defaultVersion) {
    public ModelStatus {
        versions = List.copyOf(versions);
        aliases = Map.copyOf(aliases);
    }

    /**
     * One version.
     *
     * @param version the version number
     * @param kind what the model is ({@code image-classifier}, {@code generator}, ...), or empty
     * @param runtime djl or onnx, or empty if the manifest cannot be read
     * @param architecture the network's name, or empty for models without one
     * @param compression how it was compressed, or empty
     * @param derivedFrom what it was made from, or empty
     * @param metrics its headline metrics
     * @param createdAt when it was registered, or null if the manifest cannot be read
     * @param loaded whether it is loaded for serving now
     * @param problem why it cannot be read, or empty
     */
    public record Version(
            int version,
            String kind,
            String runtime,
            String architecture,
            String compression,
            String derivedFrom,
            Map<String, Double> metrics,
            Instant createdAt,
            boolean loaded,
            String problem) {
        public Version {
            metrics = Map.copyOf(metrics);
        }

        static Version of(ModelManifest m, boolean loaded) {
            return new Version(
                    m.version(),
                    m.kind(),
                    m.runtime(),
                    m.architecture() == null ? "" : m.architecture().name(),
                    m.compression(),
                    m.derivedFrom(),
                    m.metrics(),
                    m.createdAt(),
                    loaded,
                    "");
        }

        static Version broken(int version, String problem) {
            return new Version(version, "", "", "", "", "", Map.of(), null, false, problem);
        }
    }
}
