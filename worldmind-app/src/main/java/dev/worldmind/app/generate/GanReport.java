package dev.worldmind.app.generate;

import dev.worldmind.model.generate.GanHistory;
import dev.worldmind.model.registry.ModelManifest;
import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of a GAN training run.
 *
 * @param manifest the registered generator, or null when it was not registered
 * @param runDir the run's folder (artifact, {@code fid.csv}, {@code fid.png}, {@code samples.png})
 * @param history losses and FID per epoch
 * @param metrics the headline figures (final, untrained and real-vs-real FID, confidences)
 */
public record GanReport(
        ModelManifest manifest, Path runDir, GanHistory history, Map<String, Double> metrics) {
    public GanReport {
        metrics = Map.copyOf(metrics);
    }
}
