package dev.worldmind.app.job;

import java.util.Objects;

/**
 * What keeps a job from running until a person acts.
 *
 * @param problem what is missing, e.g. {@code "Fashion-MNIST is not installed"}
 * @param fix what to do, e.g. {@code "apt-get install dataset-fashion-mnist"}
 */
public record Blocker(String problem, String fix) {
    public Blocker {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }
}
