package dev.worldmind.model.language.retrieval;

import java.util.Objects;

/**
 * One search result.
 *
 * @param passage the passage found
 * @param score its cosine similarity to the query, in [-1, 1]
 */
public record RetrievalHit(Passage passage, double score) {
    public RetrievalHit {
        Objects.requireNonNull(passage, "passage");
    }
}
