package dev.worldmind.data.text;

import java.util.Objects;

/**
 * A corpus split into a training part and a held-out test part.
 *
 * @param train what models learn from (validation is split off it, never off the test part)
 * @param test the held-out part
 */
public record TextSplit(TextCorpus train, TextCorpus test) {
    public TextSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
