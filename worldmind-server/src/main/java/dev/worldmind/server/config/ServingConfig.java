package dev.worldmind.server.config;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.model.serve.BatchingOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the model-serving API.
 *
 * @param models the model registry to serve, or empty to serve none
 * @param batching how each model version batches requests
 * @param predictRole the least global role allowed to predict
 * @param maxRequestBytes the largest predict body (JSON or image upload)
 * @param refresh how often the registry is checked for new versions and moved aliases
 */
public record ServingConfig(
        Optional<Path> models,
        BatchingOptions batching,
        Role predictRole,
        int maxRequestBytes,
        Duration refresh) {
    public ServingConfig {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(batching, "batching");
        Objects.requireNonNull(predictRole, "predictRole");
        if (maxRequestBytes < 1024 || maxRequestBytes > 64 << 20) {
            throw new InvalidDataException(
                    "serving.max-request-bytes must be 1 KiB-64 MiB, got " + maxRequestBytes);
        }
        if (refresh.isNegative() || refresh.isZero()) {
            throw new InvalidDataException("serving.refresh must be positive");
        }
    }

    /** No registry; batches of 32, 2 ms delay, 1 worker; creators may predict; 4 MiB bodies. */
    public static ServingConfig defaults() {
        return new ServingConfig(
                Optional.empty(),
                BatchingOptions.DEFAULT,
                Role.CREATOR,
                4 << 20,
                Duration.ofSeconds(2));
    }
}
