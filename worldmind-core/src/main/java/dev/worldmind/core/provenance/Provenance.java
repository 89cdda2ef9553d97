package dev.worldmind.core.provenance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a trained artifact came from: enough to reproduce it or to explain why two differ.
 *
 * @param config the training configuration, as written by its record
 * @param seed the seed all randomness flowed from
 * @param dataset the data it learned from
 * @param codeVersion the Worldmind source revision ({@code git describe})
 * @param runtime the libraries, engine, JVM and machine it ran on
 * @param startedAt when training started
 * @param endedAt when training ended
 * @param metrics headline metrics measured on held-out data
 */
public record Provenance(
        Map<String, Object> config,
        long seed,
        DatasetRef dataset,
        String codeVersion,
        RuntimeInfo runtime,
        Instant startedAt,
        Instant endedAt,
        Map<String, Double> metrics) {

    public Provenance {
        // Kept in the caller's order, so the persisted JSON reads like the configuration.
        config =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(Objects.requireNonNull(config, "config")));
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        metrics =
                java.util.Collections.unmodifiableMap(
                        new java.util.TreeMap<>(Objects.requireNonNull(metrics, "metrics")));
    }

    /**
     * A dataset by name and content.
     *
     * @param name the dataset's name, e.g. {@code mnist}
     * @param sha256 the combined SHA-256 of its files
     * @param description how it was used (e.g. which split, how many examples)
     */
    /**
     * Returns the same record with more metrics (e.g. held-out scores measured after training).
     *
     * @param more the metrics to add or replace
     */
    public Provenance withMetrics(Map<String, Double> more) {
        Map<String, Double> all = new java.util.LinkedHashMap<>(metrics);
        all.putAll(more);
        return new Provenance(config, seed, dataset, codeVersion, runtime, startedAt, endedAt, all);
    }

    public record DatasetRef(String name, String sha256, String description) {
        public DatasetRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(description, "description");
        }
    }
}
