package dev.worldmind.model.vision;

import java.util.Objects;

/**
 * Everything needed to rebuild a network before loading its weights: which named architecture, for
 * what input and how many classes.
 *
 * @param name the architecture's name, one of {@link Architectures#names()}
 * @param input the input image shape
 * @param classes the number of output classes
 */
public record ArchitectureSpec(String name, ImageShape input, int classes) {
    public ArchitectureSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes");
        }
    }
}
