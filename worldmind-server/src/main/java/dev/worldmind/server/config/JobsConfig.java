package dev.worldmind.server.config;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import java.util.Objects;

/**
 * Settings of the background job runner.
 *
 * @param home the Worldmind home the jobs work in (datasets, runs, models)
 * @param threadsIdle engine threads a job may use while nobody is in the world
 * @param threadsBusy engine threads a job may use while people are, so the world stays responsive
 */
public record JobsConfig(WorldmindHome home, int threadsIdle, int threadsBusy) {
    public JobsConfig {
        Objects.requireNonNull(home, "home");
        if (threadsIdle < 1 || threadsBusy < 1 || threadsIdle > 256 || threadsBusy > 256) {
            throw new InvalidDataException("jobs.threads-idle and jobs.threads-busy are 1-256");
        }
    }

    /**
     * Both cores of a small machine while the world is empty, one while people are in it.
     *
     * @param home the Worldmind home
     * @return the settings
     */
    public static JobsConfig defaults(WorldmindHome home) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new JobsConfig(home, Math.max(1, cores), Math.max(1, cores / 2));
    }
}
